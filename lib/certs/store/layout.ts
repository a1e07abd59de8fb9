// Paths and record types of the store, format 2. store.ts draws the layout on disk and says
// why it is shaped so. Imports Node's path only.

import { join } from 'node:path';

/** 2: a certificate's metadata on its file's first line (certificate-text.ts); 1: in a file beside it. */
export const STORE_FORMAT = 2;
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
  /** The CA's certificates sent with the answer (PEM), kept to name what the administrator must import. */
  chain?: string[];
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
  lock: '.lock',
  certificate: (store: StoreName, thumbprint: string) => join(store, `${thumbprint}.pem`),
  key: (store: StoreName, thumbprint: string) => join(store, `${thumbprint}.key.pem`),
  /** Format 1: a certificate's metadata beside it (format 2 keeps it in the certificate's file: certificate-text.ts). */
  legacyMetadata: (store: StoreName, thumbprint: string) => join(store, `${thumbprint}.json`),
  request: (id: number) => join('REQUEST', `${id}.json`),
  /** Requests issued at once, one line each (record-log.ts); a request file of the same id overrides its line. */
  issuedRequests: join('REQUEST', 'issued.jsonl'),
  /** Logged requests taken out since, one `{"id":...,"removedAt":...}` line each. */
  removedRequests: join('REQUEST', 'removed.jsonl'),
  requestKey: (id: number) => join('REQUEST', `${id}.key.pem`),
  authority: (name: string) => join('ca', name.replace(/[^A-Za-z0-9._-]/g, '_')),
};
