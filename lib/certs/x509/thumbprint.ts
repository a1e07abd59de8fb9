// A certificate's thumbprint: the SHA-1 of its DER, 40 upper-case hex digits, as Windows shows
// it. On its own so that certificate.ts can name what it builds without importing parse.ts
// (which imports certificate.ts). Imports Node built-ins only.

import { hash } from 'node:crypto';

export const thumbprintOf = (certificateDer: Buffer): string => hash('sha1', certificateDer, 'hex').toUpperCase();
