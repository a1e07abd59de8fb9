# ibenbouzid/SkypeforBusiness_lab_V3 scripts/EDGE-Install.ps1 (2017), its certificate lines unchanged.
# Invoke-Command's script-block parameters are assigned the values the caller passes, the log and
# certificate drive "G:" is the working directory (.), Import-PfxCertificate (Windows' pki module)
# is replaced by Import-CsCertificate and the thumbprint it reports, and Start-CsWindowsService
# (a Windows service) is left out.
param($_DomainName = 'litwareinc.com', $_CAComputerName = 'atl-ca-001', $_certPassword, $_PublicCert, $_EdgeThumbprint)
$Logfilespath = ".\Logs\"+$_DomainName+'\'
$CAName = $_CAComputerName+'.'+$_DomainName+'\'+$_DomainName+'-CA'
$certServerInternal = Request-CsCertificate -New -Type Internal -CA $CAName -FriendlyName "Internal Edge Certificate" -PrivateKeyExportable $True -AllSipDomain -Report $Logfilespath'20_Request-CsCertificate_Internal_EDGE.html'
Set-CsCertificate -Reference $certServerInternal -Type Internal -Report $Logfilespath'21_Set-CsCertificate-Webserver-Internal.html'
$Edgecert = '.\cert\edge.'+$_DomainName+'.pfx'
Import-CsCertificate -Path $Edgecert -Password $_certPassword -PrivateKeyExportable $true  # Import-PfxCertificate -Exportable -Password $_certPassword -CertStoreLocation cert:\localmachine\my -FilePath $Edgecert
$ExtCertThumbprint = $_EdgeThumbprint  # (Import-PfxCertificate ...).thumbprint
Set-CsCertificate -Thumbprint $ExtCertThumbprint -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Report $Logfilespath'23_Set-CsCertificate-Webserver-External.html'
$certServerExternal = Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -CA $CAName -FriendlyName "External Edge Certificate" -Template webserver -PrivateKeyExportable $True -DomainName $_DomainName -Report $Logfilespath'22_Request-CsCertificate_Internal_EDGE.html'
Set-CsCertificate -Reference $certServerExternal -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -Report $Logfilespath'23_Set-CsCertificate-Webserver-External.html'
