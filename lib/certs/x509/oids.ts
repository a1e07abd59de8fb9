// Object identifiers used across the x509 modules, with their names. Imports nothing.

export const OID = {
  // attribute types of a distinguished name
  commonName: '2.5.4.3', country: '2.5.4.6', locality: '2.5.4.7', state: '2.5.4.8',
  organization: '2.5.4.10', organizationalUnit: '2.5.4.11', serialNumber: '2.5.4.5',
  email: '1.2.840.113549.1.9.1', domainComponent: '0.9.2342.19200300.100.1.25',
  // extensions
  subjectKeyIdentifier: '2.5.29.14', keyUsage: '2.5.29.15', subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19', crlDistributionPoints: '2.5.29.31', authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37', authorityInfoAccess: '1.3.6.1.5.5.7.1.1', caIssuers: '1.3.6.1.5.5.7.48.2',
  extensionRequest: '1.2.840.113549.1.9.14',
  // extended key usages
  serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2',
  // algorithms
  rsaEncryption: '1.2.840.113549.1.1.1', ecPublicKey: '1.2.840.10045.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11', sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13', sha1WithRSA: '1.2.840.113549.1.1.5', rsaPss: '1.2.840.113549.1.1.10',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2', ecdsaWithSHA384: '1.2.840.10045.4.3.3', ecdsaWithSHA512: '1.2.840.10045.4.3.4',
} as const;

/** Names Windows shows in EnhancedKeyUsageList. */
export const EKU_NAMES: Record<string, string> = {
  [OID.serverAuth]: 'Server Authentication',
  [OID.clientAuth]: 'Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'Secure Email',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
};

/** Names Windows shows for a certificate's SignatureAlgorithm (its FriendlyName). */
export const SIGNATURE_NAMES: Record<string, string> = {
  [OID.sha256WithRSA]: 'sha256RSA', [OID.sha384WithRSA]: 'sha384RSA', [OID.sha512WithRSA]: 'sha512RSA',
  [OID.sha1WithRSA]: 'sha1RSA', '1.2.840.113549.1.1.4': 'md5RSA', [OID.rsaPss]: 'RSASSA-PSS',
  [OID.ecdsaWithSHA256]: 'sha256ECDSA', [OID.ecdsaWithSHA384]: 'sha384ECDSA', [OID.ecdsaWithSHA512]: 'sha512ECDSA',
};

/** Signature algorithm OID → the hash crypto.verify needs, for the algorithms we accept. */
export const SIGNATURE_HASH: Record<string, string> = {
  [OID.sha256WithRSA]: 'sha256', [OID.sha384WithRSA]: 'sha384', [OID.sha512WithRSA]: 'sha512',
  [OID.sha1WithRSA]: 'sha1', [OID.ecdsaWithSHA256]: 'sha256', [OID.ecdsaWithSHA384]: 'sha384',
  [OID.ecdsaWithSHA512]: 'sha512',
};
