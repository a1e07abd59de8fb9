// The store's layout on disk and the records it keeps. Format 1:
//
//   <root>/
//     store.json              { "format": 1, "nextRequestId": 7 }  (format marker, request counter)
//     index.jsonl             append-only index: one JSON line per add/remove, folded on read;
//                             compacted when dead lines dominate; repaired from the files
//     assignments.json        { "format": 1, "scopes": { <scope>: { <usage>: Assignment } } }
//     journal.json            present only while a change is being applied (crash recovery)
//     .lock                   present only while a process changes the store ({ pid, host, since })
//     My/<THUMBPRINT>.pem     certificate (the file whose presence means "in the store")
//     My/<THUMBPRINT>.key.pem private key, PKCS#8 PEM, mode 0600, encrypted when a passphrase is set
//     My/<THUMBPRINT>.json    { friendlyName, exportable, requestId, addedAt }
//     Root/<THUMBPRINT>.pem   trusted roots          CA/<THUMBPRINT>.pem   intermediates
//     REQUEST/<id>.json       pending or offline request (CSR, names, usages, CA, status)
//     REQUEST/<id>.key.pem    the request's private key until the certificate arrives
//     ca/<name>/              the embedded CA's certificates, keys and state (ca/local.ts)
//
// Why an append-only index: adding one certificate to a 10,000-certificate store must cost what
// it costs on an empty store, so an add appends a line instead of rewriting a 5 MB file.
// A newer cscert reads every older format; an unknown newer format is refused ('StoreVersion').

import { join } from 'node:path';

export const STORE_FORMAT = 1;
export const STORE_NAMES = ['My', 'Root', 'CA'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

export interface IndexEntry {
  thumbprint: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sans: string[];
  ekus: string[];
  isCA: boolean;
  selfSigned: boolean;
  keyAlgorithm: string;
  keySize: number;
  hasPrivateKey: boolean;
  friendlyName?: string;
}

export interface CertificateMetadata { friendlyName?: string; exportable?: boolean; requestId?: number; addedAt?: string }

export type RequestStatus = 'Pending' | 'Offline' | 'Issued' | 'Denied' | 'Failed';

export interface RequestRecord {
  id: number;
  status: RequestStatus;
  createdAt: string;
  subject: string;
  sans: string[];
  /** Usages chosen when the request was created (assigned when it completes with -Assign). */
  types: string[];
  /** CSR, PEM. */
  csr: string;
  authority?: string;
  /** The CA's own request id (pending requests). */
  caRequestId?: string;
  friendlyName?: string;
  exportable: boolean;
  assign?: boolean;
  scope?: string;
  thumbprint?: string;
  message?: string;
}

export interface Assignment {
  current?: string;
  rolled?: { thumbprint: string; effectiveDate: string };
  previous?: string;
  /** When `current` came in by a roll: the date it took effect. */
  effectiveDate?: string;
  updateTime: string;
}

export interface AssignmentsFile { format: number; scopes: Record<string, Record<string, Assignment>> }

export const paths = {
  storeFile: 'store.json',
  index: 'index.jsonl',
  assignments: 'assignments.json',
  journal: 'journal.json',
  lock: '.lock',
  certificate: (store: StoreName, thumbprint: string) => join(store, `${thumbprint}.pem`),
  key: (store: StoreName, thumbprint: string) => join(store, `${thumbprint}.key.pem`),
  metadata: (store: StoreName, thumbprint: string) => join(store, `${thumbprint}.json`),
  request: (id: number) => join('REQUEST', `${id}.json`),
  requestKey: (id: number) => join('REQUEST', `${id}.key.pem`),
  authority: (name: string) => join('ca', name.replace(/[^A-Za-z0-9._-]/g, '_')),
};
