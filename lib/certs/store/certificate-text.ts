// A certificate's file in the store: its PEM, and in My, one line of metadata ahead of it (friendly
// name, exportable, request, added at), as RFC 7468 explanatory text, which PEM readers skip
// (OpenSSL, nginx, Node). One file per certificate instead of two: an issuance writes, renames
// and syncs a file less. Stores of format 1 keep the metadata in <THUMBPRINT>.json beside the
// certificate; it is still read there, and moves into the certificate's file the next time it
// changes. Imports x509 and layout.

import { toPem } from '../x509/pem-text.js';
import type { CertificateMetadata } from './layout.js';

const PREFIX = 'cscert-metadata: ';

/**
 * The file's text; with `metadata`, on the line ahead of the PEM. A run of five dashes in it (a
 * friendly name may hold anything) is escaped, so that no reader mistakes it for a BEGIN line.
 */
export function certificateText(der: Buffer, metadata?: CertificateMetadata): string {
  const pem = toPem('CERTIFICATE', der);
  return metadata ? `${PREFIX}${JSON.stringify(metadata).replace(/-----/g, '\\u002d----')}\n${pem}` : pem;
}

/** The metadata line of a certificate file, or undefined when there is none (Root, CA; My in a format-1 store). */
export function metadataOf(text: Buffer | string): CertificateMetadata | undefined {
  const head = typeof text === 'string' ? text : text.subarray(0, PREFIX.length).toString();
  if (!head.startsWith(PREFIX)) return undefined;
  const whole = text.toString();
  return JSON.parse(whole.slice(PREFIX.length, whole.indexOf('\n'))) as CertificateMetadata;
}
