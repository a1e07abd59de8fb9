# greiginsydney/Update-SfbCertificate.ps1 v1.3 (2018): its parameters and its cscert lines unchanged.
# Left out: the update check, the Windows-only administrator and console checks, the comparison
# table. Replaced: the DNS look-up of the default -ComputerFqdn (by this computer's FQDN), the
# DecodeSANs function (by the certificate's DnsNameList) and Clip (by Write-Output).
[CmdletBinding(SupportsShouldProcess = $False)]
Param(
	
	[Parameter(ParameterSetName = "Offline",Mandatory)]
	[Parameter(ParameterSetName = "Online",Mandatory)]
    [ValidateSet("AccessEdgeExternal", "AudioVideoAuthentication", "DataEdgeExternal", "Default", "External", "Internal",`
	"iPhoneAPNService", "iPadAPNService", "MPNService", "PICWebService", "ProvisionService", "WebServicesExternal",`
		"WebServicesInternal", "WsFedTokenTransfer", "OAuthTokenIssuer", "XmppServer")]
	[String[]] $Type, #Microsoft.Rtc.Management.Deployment.CertType[]

	[Parameter(ParameterSetName = "Online",Mandatory)]
	[string] $CA,
		
	[Parameter(ParameterSetName = "Offline",Mandatory)]
	[string]$Output,
	
	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[switch]$AllSipDomain,

	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[switch]$AllPoolMemberServers,	
	
	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
    [bool]$ClientEKU = $False,
	
	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[string]$ComputerFqdn= $env:computername + '.litwareinc.com',	# ([System.Net.Dns]::GetHostByName(($env:computername))).Hostname
	
	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[switch]$Confirm = $True,

	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[string]$DomainName,
	
	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[string]$FriendlyName = "",

	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
    [bool]$PrivateKeyExportable = $True,
	
	[Parameter(ParameterSetName = "Offline")]
	[Parameter(ParameterSetName = "Online")]
	[string]$Template
)

$DomainName = [regex]::replace($DomainName, " ", "") #Strip any spaces (if the user separated the SANs)

$Thumbprints = @() #The list of 1 or more certificate thumbprints to be queried
$ServerCerts = @() #The list of 1 or more certificates to be queried (from the above list))

#Read all of the certificate(s) for the given cert types:
$Thumbprints = (get-cscertificate -Type $Type -verbose:$false).Thumbprint
$Thumbprints  = $Thumbprints  | select -uniq 	#De-dupe
write-verbose "Type '$($type)' returned $($Thumbprints.count) unique certificate(s)"
#Read all the unique thumbprints:
foreach ($Thumb in $Thumbprints)
{
	$ServerCerts += (get-childitem cert:\localmachine\my | ? {$_.thumbprint -match $Thumb} )
}

if ($ServerCerts -ne $null)
{
	$CertRequestParams = @{ Type = $Type } 	# Declare the param's to be passed to the Request. Initialise with the Type
	$NewSANs = @()
	$NewSANs = $DomainName.Split(",")	# The ones the user nominated
	if ($AllPoolMemberServers)
	{
		$MyPool = (Get-CsComputer -Local -verbose:$false).Pool 
		$MyPoolServers = (get-cspool $MyPool -verbose:$false).Computers  #or ".FQDN" here?
		foreach ($MemberServer in $MyPoolServers)
		{
			write-verbose "Adding Pool Servers   : $($MemberServer)"
			$NewSANs += $MemberServer
		}
	}
	if ($AllSipDomain)
	{
		$TopoSIPDomains = (Get-CsSipDomain -verbose:$false).Identity
		foreach ($TopoSIPDomain in $TopoSIPDomains)
		{
			$NewSANs += ("sip.$($TopoSIPDomain)")
			write-verbose "Adding all SIP domains: sip.$($TopoSIPDomain)"
		}
	}
	$DonorSANs = @()
	foreach ($singleCert in $ServerCerts)
	{
		$DonorSANs += $singleCert.DnsNameList  # DecodeSANs $singleCert
	}
	$TotalSANs = $DonorSANs + $NewSANs
	$TotalSANs  = $TotalSANs  | select -uniq 	#De-dupe
	$NewCertSanCsv = ""
	foreach ($OneSAN in $TotalSANs)
	{ 
		if ($OneSAN -ne "") 
		{
			$NewCertSanCsv += $OneSAN + "," #Convert the SANs to a comma-separated list
			write-verbose "Adding SAN            : $($OneSAN)"
		}	
	}
	if ($NewCertSanCsv -ne "") 
	{
		$NewCertSanCsv = $NewCertSanCsv.Substring(0,$NewCertSanCsv.Length-1) #Strip the trailing comma
		$CertRequestParams.DomainName = $NewCertSanCsv 
	}
	if ($FriendlyName -eq "") { write-warning "You've not specified a Friendly Name. A default one will be applied if you proceed" }
	if ($AllSipDomain -ne $false) { $CertRequestParams.AllSipDomain = $True}
	if ($Ca -ne "") 			{ $CertRequestParams.Ca = $Ca}
	if ($ComputerFQDN -ne "") 	{ $CertRequestParams.ComputerFQDN = $ComputerFQDN}
	if ($FriendlyName -ne "") 	{ $CertRequestParams.FriendlyName = $FriendlyName}
	if ($Output -ne "") 		{ $CertRequestParams.Output = $Output}
	if ($Template -ne "") 		{ $CertRequestParams.Template = $Template}
	$CertRequestParams.PrivateKeyExportable = $PrivateKeyExportable
	$CertRequestParams.ClientEKU = $ClientEKU
	if ($Confirm -ne $False)
	{
		$CertRequestParams.Confirm = $True
		# Dumps the arguments to the screen ahead of the Request commandlet prompting you to continue
		$CertRequestParams
	}
	if ($Output -ne "")
	{
		# It's an offline request: snapshot the current REQUEST store so we can find out request after.
		$PendingRequests = @()
		$PendingRequests = Get-ChildItem cert:\localmachine\REQUEST
	}
	$CertCreated = $null
	try
	{
		$CertCreated = Request-csCertificate -new @CertRequestParams -verbose:$false -warningaction silentlycontinue
	}
	catch
	{
		$_ | fl * -f
	}
	
	if ($CertCreated -ne $null)
	{
		$IsOfflineCsr = 0
		if ($CertCreated.RequestStatus -eq "Offline")
		{
			#The output of the commandlet doesn't give me the Thumbprint of the new request, so I need to determine it myself.
			$CurrentRequests = Get-ChildItem cert:\localmachine\REQUEST
			if ($CurrentRequests.Count -eq 0)
			{
				write-warning ""
				write-warning "New cert request not found in the localmachine\REQUEST store. Aborting"
				write-warning ""
				exit
			}
			if ($PendingRequests.Count -eq 0)
			{
				#There were no requests previously pending - nothing to compare
				$NewCert = $CurrentRequests 
			}
			else
			{
				$NewCert = Compare-Object -ReferenceObject $PendingRequests -DifferenceObject $CurrentRequests -PassThru
			}
			$IsOfflineCsr = 1 #Changes the expected differences in Issuer and IssuerName to show yellow, not red.
		}
		else
		{
			$Newcert = (Get-ChildItem cert:\localmachine\My | ? {$_.Thumbprint -match $CertCreated.Thumbprint} ) 
		}
		"New certificate: $($NewCert.Thumbprint) $($NewCert.Subject)"
		if ($type -notcontains "OAuthTokenIssuer")
		{
			if ($IsOfflineCsr -eq 1)
			{
				write-warning "Don't be alarmed by the values that differ between the existing cert and your offline request."
			}
			else
			{
				try
				{
					"Set-CsCertificate -type $($Type -Join ',') -Thumbprint $($NewCert.Thumbprint) -confirm" | Write-Output # | Clip # Paste the "Assign" commandlet to the clipboard}
				} catch {}
			}
		}
	}
}
else
{
	write-warning "A certificate of type ""$($Type)"" does not exist on this server"
}
