// Import-CsCertificate's core: read any certificate file (PFX with its password, PEM, DER,
// PKCS#7), place end-entity certificates in My, self-signed CAs in Root and other CAs in CA,
// and join a certificate that answers a pending or offline request to that request's private
// key. All of a file or nothing of it lands, in one store transaction.

import { createPublicKey, X509Certificate } from 'node:crypto';
import type { Store, StoreTransaction } from '../store/store.js';
import type { StoreName } from '../store/layout.js';
import { parseCsr } from '../x509/csr.js';
import { readCertificateFile } from '../x509/certificate-file.js';
import { importWarnings } from '../x509/certificate-warnings.js';
import { parseCertificate, type CertificateInfo } from '../x509/parse.js';

export interface ImportOptions {
  password?: string;
  /** For keys that arrive in the file (a PFX): may they leave the store again? */
  privateKeyExportable?: boolean;
  friendlyName?: string;
  /** The file's name or path, named by error messages. */
  source?: string;
}

export interface ImportedCertificate {
  thumbprint: string;
  store: StoreName;
  subject: string;
  hasPrivateKey: boolean;
  /** The request whose key was joined to this certificate. */
  requestId?: number;
  /** Why the certificate, imported all the same, cannot be assigned (expired, MD5/SHA-1, a short key): for Write-Warning. */
  warnings: string[];
}

/** A certificate that arrives with its private key is an end-entity for this server, even a CA's (a test CA's PFX). */
const storeFor = (info: CertificateInfo, hasKey: boolean): StoreName => (hasKey || !info.isCA ? 'My' : info.selfSigned ? 'Root' : 'CA');

export async function importCertificates(store: Store, bytes: Buffer, options: ImportOptions = {}): Promise<ImportedCertificate[]> {
  const material = await readCertificateFile(bytes, { password: options.password, source: options.source });
  return store.transaction(async (tx) => {
    const imported: ImportedCertificate[] = [];
    for (const [index, certificate] of material.certificates.entries()) {
      const info = parseCertificate(certificate);
      const x509 = new X509Certificate(certificate);
      const key = material.keys.find((k) => x509.checkPrivateKey(k));
      const target = storeFor(info, key !== undefined);
      const joined = target === 'My' && !key ? await requestAnswered(tx, x509) : undefined;
      const entry = await tx.add(target, certificate, {
        key: key ?? joined?.key,
        friendlyName: options.friendlyName ?? joined?.friendlyName ?? (target === 'My' ? material.friendlyNames[index] : undefined),
        exportable: key ? options.privateKeyExportable ?? false : joined?.exportable,
        requestId: joined?.id,
      });
      if (joined) {
        await tx.updateRequest(joined.id, { status: 'Issued', thumbprint: info.thumbprint, message: 'The answer of the CA was imported.' });
        await tx.dropRequestKey(joined.id);
      }
      imported.push({ thumbprint: info.thumbprint, store: target, subject: info.subject, hasPrivateKey: entry.hasPrivateKey,
        requestId: joined?.id, warnings: importWarnings(info, store.env.now()) });
    }
    return imported;
  });
}

/** A pending or offline request whose CSR carries this certificate's public key. */
async function requestAnswered(tx: StoreTransaction, certificate: X509Certificate) {
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  for (const request of await tx.requests()) {
    if (request.status !== 'Pending' && request.status !== 'Offline') continue;
    let csr;
    try { csr = parseCsr(request.csr); } catch { continue; }   // a damaged kept request must not block every import
    if (!createPublicKey({ key: csr.spki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'der' }).equals(spki)) continue;
    const key = await tx.requestKey(request.id);
    if (key) return { id: request.id, key, friendlyName: request.friendlyName, exportable: request.exportable };
  }
  return undefined;
}
