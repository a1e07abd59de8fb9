# The wizard's failure case (its "Online Certificate Request Status" page): the certificate is
# issued, but the issuing CA's root is not in the Trusted Root store, so it cannot be assigned.
# The recovery is the documented one: import the CA's root, then its intermediate, then assign.
# Run: cscert --config examples/litware.cscert.yaml examples/untrusted-root-recovery.ps1

$type = 'Default', 'WebServicesInternal', 'WebServicesExternal'
$status = Request-CsCertificate -New -Type $type -CA 'lab\untrusted-ca' -Assign -WarningAction SilentlyContinue
"Issued: $($status.RequestStatus); chain: $($status.ChainStatus); can assign: $($status.CanAssign)"
Get-CsCertificateStatus -Thumbprint $status.Thumbprint | Select-Object -ExpandProperty Chain | Format-Table Status, Store, Subject -AutoSize

function Try-Assign {
    try {
        Set-CsCertificate -Type $type -Thumbprint $status.Thumbprint -ErrorAction Stop
        'Assigned.'
    } catch {
        "Refused ($($_.FullyQualifiedErrorId.Split(',')[0])): $($_.Exception.Message)"
    }
}
Try-Assign

# The CA publishes its certificates (as an enterprise CA's /certsrv page does).
$ca = Get-CsCertificateAuthority | Where-Object Identity -eq 'lab\untrusted-ca'
Import-CsCertificate -Path $ca.RootCertificatePath
Try-Assign

Import-CsCertificate -Path $ca.IssuingCertificatePath
Try-Assign
(Get-CsCertificate | Sort-Object Use).Use
