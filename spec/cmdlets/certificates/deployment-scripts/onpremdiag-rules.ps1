# onpremdiag/SfBServer (Microsoft's on-premises diagnostics), the certificate lines of four rules,
# unchanged. Each result is written out with a label so the test can read them.
$OAuthTokenIssuer = Get-CsCertificate -Type OAuthTokenIssuer -ErrorAction SilentlyContinue        # rules/Exchange/RDOAuthCertificateValid.ps1
$validCertificates = @(Get-CsCertificate -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Where-Object {$_.NotAfter -ge (Get-Date) -and $_.Use -eq "Default"})   # rules/Services/RDCheckSfbServerCertificateValid.ps1
$expiry               = (Get-Date).AddDays(45)
$ExpiringCertificates = Get-CsCertificate | Where-Object {$_.NotAfter -lt $expiry}                  # rules/Performance/RDCheckCertsExpiring.ps1
$EdgeCertificates = Get-CsCertificate -Type AccessEdgeExternal | `
Select-Object -Property PsComputerName, AlternativeNames, Thumbprint, Use                           # rules/Deployment/RDCheckEdgeCerts.ps1
"OAuthTokenIssuer: $($OAuthTokenIssuer.Thumbprint)"
"Valid Default certificates: $($validCertificates.Count)"
"Expiring: $(@($ExpiringCertificates | ForEach-Object { $_.Use }) -join ',')"
foreach ($EdgeCertificate in $EdgeCertificates) { "Edge: $($EdgeCertificate.Use) $($EdgeCertificate.Thumbprint) $($EdgeCertificate.AlternativeNames -join ',')" }
