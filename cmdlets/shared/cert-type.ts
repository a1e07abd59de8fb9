// The enumerations of the certificate cmdlets' parameters: CertType (-Type), spelled as the
// reference's §2 lists them and bound case-insensitively (XMPPServer and XmppServer both bind),
// and KeyAlgorithmIdentifier (-KeyAlg). The values come from lib/certs/cert-types.ts, which
// imports nothing, so declaring a parameter loads no certificate code.

import { defineEnum } from '../../lib/engine/cmdlet/index.js';
import { CERT_TYPES } from '../../lib/certs/cert-types.js';

export const CertType = defineEnum('Microsoft.Rtc.Management.Deployment.CertType', CERT_TYPES);

export const KEY_ALGORITHMS = ['RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521'] as const;
export type KeyAlgorithmName = (typeof KEY_ALGORITHMS)[number];
export const KeyAlgorithm = defineEnum(
  'Microsoft.Rtc.Management.Deployment.X509Certificates.KeyAlgorithmIdentifier', KEY_ALGORITHMS);

/** The usages the wizard's online request assigns by default (the seed page's three purposes). */
export const DEFAULT_FRONT_END_TYPES = ['Default', 'WebServicesInternal', 'WebServicesExternal'] as const;

/** The canonical spelling of a type name, case-insensitively; undefined when unknown. */
export const canonicalCertType = (name: string): string | undefined =>
  CERT_TYPES.find((type) => type.toLowerCase() === name.trim().toLowerCase());
