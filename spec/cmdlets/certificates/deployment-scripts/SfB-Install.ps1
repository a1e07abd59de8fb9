# ibenbouzid/SkypeforBusiness_lab_V3 scripts/SfB-Install.ps1 (2017), its certificate lines unchanged.
# The Active Directory look-ups are replaced by the values they return in litwareinc.com, and the
# log drive "G:" by the working directory (.).
$Domain = [pscustomobject]@{ DNSRoot = 'litwareinc.com'; DistinguishedName = 'DC=litwareinc,DC=com' }  # Get-ADDomain
$DomainDNSName = $Domain.DNSRoot
$Computer = $env:computername + '.'+$Domain.DNSRoot
$DC = [pscustomobject]@{ Hostname = 'atl-ca-001.litwareinc.com' }  # Get-ADDomainController
$Sbase = "CN=Configuration,"+$Domain.DistinguishedName
$Logfilespath = ".\Logs\"+$DomainDNSName+'\'
$sipdomain = $DomainDNSName
$CA = [pscustomobject]@{ Name = 'myca' }  # Get-Adobject -LDAPFilter "(&(objectClass=pKIEnrollmentService)(cn=*))" -SearchBase $Sbase
$CAName = $DC.Hostname + "\" + $CA.Name
$certServer = Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -ComputerFqdn $Computer -CA $CAName  -FriendlyName "Standard Edition Certficate" -PrivateKeyExportable $True -DomainName "sip.$sipdomain" -allsipdomain -Report $Logfilespath'11_Request-CsCertificate-Webserver.html'
$certOAuth = Request-CsCertificate -New -Type OAuthTokenIssuer -ComputerFqdn $Computer -CA $CAName -FriendlyName "OathCert" -PrivateKeyExportable $True -DomainName $Computer -Report $Logfilespath'12_Request-CsCertificate-Oauth.html'
Set-CsCertificate -Reference $certServer -Type Default,WebservicesInternal,WebServicesExternal -Report $Logfilespath'13_Set-CsCertificate-Webserver.html'
Set-CsCertificate -Reference $certOAuth -Type OAuthTokenIssuer -Report $Logfilespath'14_Set-CsCertificate-OAuth.html'
