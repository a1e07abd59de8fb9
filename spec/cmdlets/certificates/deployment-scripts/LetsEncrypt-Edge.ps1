# The Let's Encrypt → Edge script (reference §7.6), its cscert lines unchanged. Get-PfxData (Windows'
# pki module) is replaced by the values it returns for the downloaded PFX, passed in as parameters.
param($CertFilename, $CertPassword, $Thumbprint, $NotBefore)
$Certificate = [pscustomobject]@{ EndEntityCertificates = [pscustomobject]@{ Thumbprint = $Thumbprint; NotBefore = [datetime]$NotBefore } }  # Get-PfxData -FilePath $CertFilename -Password ($CertPassword | ConvertTo-SecureString -AsPlainText -Force)
$Thumbprint = $Certificate.EndEntityCertificates.Thumbprint
$EffectiveDate = ($Certificate.EndEntityCertificates.NotBefore).AddDays(2)
If ((Get-CSCertificate | where Use -like "*EdgeExternal" | where Thumbprint -ne $Thumbprint))
{
    Import-CsCertificate -Path $CertFilename -PrivateKeyExportable $True -Password $CertPassword -Verbose
    Set-CSCertificate -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Thumbprint $Thumbprint -EffectiveDate $EffectiveDate -Roll -Verbose
    Set-CSCertificate -Type XmppServer -Thumbprint $Thumbprint -EffectiveDate $EffectiveDate -Roll -Verbose
}
(Get-CSCertificate | where Use -ne "Internal")
