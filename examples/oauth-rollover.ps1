# Rolling the server-to-server (OAuth) certificate over without an outage (reference §3): stage the
# new certificate with -Roll -EffectiveDate at least 24 hours before the current one expires. Until
# then the current one signs tokens; afterwards the new one is current and the old one "previous",
# still accepted, until Remove-CsCertificate -Previous drops it.
# Run: cscert --config examples/litware.cscert.yaml examples/oauth-rollover.ps1

$current = Request-CsCertificate -New -Type OAuthTokenIssuer -FriendlyName 'OAuth 1'
Set-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $current.Thumbprint

$next = Request-CsCertificate -New -Type OAuthTokenIssuer -FriendlyName 'OAuth 2'
try {
    Set-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $next.Thumbprint -Roll -ErrorAction Stop
} catch {
    "Without -EffectiveDate: $($_.FullyQualifiedErrorId.Split(',')[0])"
}
# A real runbook stages at least 24 hours ahead: (Get-Date).AddDays(1). Two seconds keep this demo short.
$when = (Get-Date).AddSeconds(2)
Set-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $next.Thumbprint -Roll -EffectiveDate $when

# While staged, the usage lists both: the current certificate, and the next with its EffectiveDate.
$oauth = Get-CsCertificate -Identity global -Type OAuthTokenIssuer
$nowCurrent = $oauth | Where-Object { -not $_.EffectiveDate }
$staged = $oauth | Where-Object { $_.EffectiveDate }
"Current is the first:  $($nowCurrent.Thumbprint -eq $current.Thumbprint)"
"Staged is the second:  $($staged.Thumbprint -eq $next.Thumbprint)"
"Staged for its date:   $($staged.EffectiveDate -eq $when)"

Start-Sleep -Seconds 3
# After the effective date the new certificate is current and the old one "previous":
$rolled = Get-CsCertificate -Identity global -Type OAuthTokenIssuer
"After the date, current: $($rolled.Thumbprint -eq $next.Thumbprint); previous: $($rolled.PreviousThumbprint -eq $current.Thumbprint)"

# Once the previous certificate has expired (tokens it signed are no longer valid), drop it:
Remove-CsCertificate -Identity global -Type OAuthTokenIssuer -Previous -Force
$done = Get-CsCertificate -Identity global -Type OAuthTokenIssuer
"Previous removed:      $(-not $done.PreviousThumbprint); current kept: $($done.Thumbprint -eq $next.Thumbprint)"
