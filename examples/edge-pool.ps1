# Certificates for Litware's Edge pool. The external certificate serves the Access Edge, Web
# Conferencing Edge and A/V Authentication usages; every Edge server in the pool must use the same
# A/V Authentication key, so its private key is exportable and the certificate is exported (with
# its key, password-protected) for the other Edge servers. The internal interface gets its own.
# Run: cscert --config examples/litware.cscert.yaml examples/edge-pool.ps1

$edge = 'atl-edge-001.litwareinc.com'
$password = ConvertTo-SecureString 'Edge-Pool-2030!' -AsPlainText -Force

$external = Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication `
    -ComputerFqdn $edge -FriendlyName 'External Edge Certificate' -PrivateKeyExportable $true -AllSipDomain -Assign
"External: $($external.Subject); SANs: $(($external.AlternativeNames | Sort-Object) -join ', ')"

$internal = Request-CsCertificate -New -Type Internal -ComputerFqdn $edge -FriendlyName 'Internal Edge Certificate' -Assign
"Internal: $($internal.Subject); SANs: $(@($internal.AlternativeNames).Count)"

# For atl-edge-002: the same external certificate and key, as a PFX (legacy 3DES for old Windows
# is -Legacy; the default is AES-256 with a SHA-256 MAC).
Export-CsCertificate -Thumbprint $external.Thumbprint -Path edge-external.pfx -Password $password -IncludeChain
"Exported: $(Test-Path edge-external.pfx)"

# A non-exportable key never leaves the store:
try {
    Export-CsCertificate -Thumbprint $internal.Thumbprint -Path internal.pfx -Password $password -ErrorAction Stop
} catch {
    "Refused: $($_.FullyQualifiedErrorId.Split(',')[0])"
}

# Both certificates sit in the Personal store, assigned on the Edge computer they were requested for.
Get-ChildItem Cert:\LocalMachine\My | Where-Object FriendlyName -like '*Edge*' | Sort-Object FriendlyName |
    Format-Table FriendlyName, Subject, HasPrivateKey -AutoSize
