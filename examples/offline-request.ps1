# An offline certificate request, as the wizard's "Prepare the request now, but send it later":
# the key stays in the store's REQUEST folder, the request (PKCS#10) goes to a file for a public
# CA. When the CA answers, `Import-CsCertificate -Path answer.cer` joins the certificate to its
# key, and `Set-CsCertificate` assigns it.
# Run: cscert --config examples/litware.cscert.yaml examples/offline-request.ps1

$offline = Request-CsCertificate -New -Type WebServicesExternal -Output WebServicesExternal.csr -FriendlyName 'Public web services'
"Status: $($offline.RequestStatus)"
"Subject: $($offline.Subject)"

$csr = Get-Content WebServicesExternal.csr
"File: $($csr[0]) ... $($csr[-1])"

# The pending request, with its key, waits in the REQUEST store until the answer is imported.
Get-ChildItem Cert:\LocalMachine\REQUEST | Format-Table Subject, HasPrivateKey -AutoSize
Request-CsCertificate -List | Format-Table RequestId, RequestStatus, Subject -AutoSize
