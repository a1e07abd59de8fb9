# Request, assign and check the certificate of a Standard Edition server, as the Certificate
# Wizard does it, on the embedded defaults (no configuration needed: this computer is the server,
# and cscert's own CA issues the certificate).
# Run: cscert examples/standard-edition.ps1

Import-Module SkypeForBusiness      # real deployment scripts start so; the module is built in

# The wizard's default: one certificate for the three usages, assigned when issued.
$status = Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -FriendlyName 'Standard Edition Certificate' -Assign

"Request status:  $($status.RequestStatus)"
"Thumbprint:      $($status.Thumbprint -match '^[0-9A-F]{40}$' ? '40 hexadecimal digits' : $status.Thumbprint)"
"Chain:           $($status.ChainStatus)"
"Assigned:        $($status.Assigned)"

# Get-CsCertificate shows the one certificate once per usage (and, on a second run, the global
# OAuth certificate too: ask for the three usages).
$assigned = Get-CsCertificate -Type Default,WebServicesInternal,WebServicesExternal
"Usages:          $(($assigned.Use | Sort-Object) -join ', ')"
"Same thumbprint: $(@($assigned.Thumbprint | Sort-Object -Unique).Count -eq 1 -and $assigned[0].Thumbprint -eq $status.Thumbprint)"

# Server-to-server authentication needs its own certificate: subject the SIP domain, global scope.
$oauth = Request-CsCertificate -New -Type OAuthTokenIssuer -FriendlyName 'OAuth' -Assign
"OAuth subject:   $($oauth.Subject -eq "CN=$((Get-CsSipDomain | Where-Object IsDefault).Identity)")"

# What the wizard checks before it shows the green tick: every usage the server needs.
Test-CsCertificateConfiguration | Sort-Object Use | Format-Table Use, Status -AutoSize
