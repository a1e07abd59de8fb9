# Certificates for a Front End server of Litware's Enterprise Edition pool: one certificate for the
# server's three usages, whose subject is the pool and whose SANs cover the server, the pool, the
# web services, the simple URLs and the SIP domains (computed from the topology, as
# Request-CsCertificate does), plus the global OAuth certificate. Run it on each Front End server.
# Run: cscert --config examples/litware.cscert.yaml examples/enterprise-pool.ps1

param([string]$Computer = 'atl-cs-001.litwareinc.com')

$pool = Get-CsPool | Where-Object { $_.Computers -contains $Computer }
"Pool of ${Computer}: $($pool.Fqdn)"

# The parameters as the public deployment scripts pass them: splatted from a hashtable.
$request = @{
    New                  = $true
    Type                 = 'Default', 'WebServicesInternal', 'WebServicesExternal'
    ComputerFqdn         = $Computer
    CA                   = 'atl-ca-001.litwareinc.com\myca'
    FriendlyName         = 'Enterprise Edition Pool Certificate'
    AllSipDomain         = $true
    PrivateKeyExportable = $true        # the same certificate goes on atl-cs-002 too
}
$certificate = Request-CsCertificate @request -Report "$PWD/request-pool.html"
Set-CsCertificate -Reference $certificate -Type Default, WebservicesInternal, WebServicesExternal -Report "$PWD/assign-pool.html"

"Subject: $($certificate.Subject)"
'Subject alternative names:'
$certificate.AlternativeNames | Sort-Object | ForEach-Object { "  $_" }

$oauth = Request-CsCertificate -New -Type OAuthTokenIssuer -ComputerFqdn $Computer -FriendlyName 'OAuth' -DomainName $Computer
Set-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $oauth.Thumbprint
"OAuth: $($oauth.Subject), global: $((Get-CsCertificate -Identity global -Type OAuthTokenIssuer).SourceScope)"

# Every change wrote a deployment log and its XML twin, as the real cmdlets do.
Get-ChildItem -Filter '*-pool.*' -Name | Sort-Object
