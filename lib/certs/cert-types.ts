// The CertType values (-Type), spelled as the reference's §2 lists them, and which of them each
// pool role needs. Imports nothing.

export const CERT_TYPES = [
  'Default', 'WebServicesInternal', 'WebServicesExternal', 'Internal', 'External', 'AccessEdgeExternal',
  'DataEdgeExternal', 'AudioVideoAuthentication', 'OAuthTokenIssuer', 'XMPPServer', 'WsFedTokenTransfer',
  'iPhoneAPNService', 'iPadAPNService', 'MPNService', 'PICWebService', 'ProvisionService', 'LogRetentionService',
  'SMPDNSWebService', 'TenantAdmin', 'UpgradeEngineService', 'UserDefined',
] as const;
export type CertType = (typeof CERT_TYPES)[number];

/** Types that exist only in the online services: nothing on premises computes names for them. */
export const ONLINE_ONLY_TYPES: readonly CertType[] = ['PICWebService', 'ProvisionService', 'LogRetentionService',
  'SMPDNSWebService', 'TenantAdmin', 'UpgradeEngineService'];

/** Case-insensitive, as PowerShell binds enums (XmppServer is XMPPServer); undefined if unknown. */
export function parseCertType(text: string): CertType | undefined {
  const lower = text.trim().toLowerCase();
  return CERT_TYPES.find((type) => type.toLowerCase() === lower);
}

/** Usages kept at the global scope (replicated by CMS), not per computer. */
export const GLOBAL_TYPES: readonly CertType[] = ['OAuthTokenIssuer'];

/** The usages the Certificate Wizard lists for a computer of each pool role. */
export const REQUIRED_TYPES: Record<string, readonly CertType[]> = {
  FrontEnd: ['Default', 'WebServicesInternal', 'WebServicesExternal', 'OAuthTokenIssuer'],
  Standard: ['Default', 'WebServicesInternal', 'WebServicesExternal', 'OAuthTokenIssuer'],
  Director: ['Default', 'WebServicesInternal', 'WebServicesExternal'],
  Mediation: ['Default'],
  SBA: ['Default'],
  Edge: ['Internal', 'AccessEdgeExternal', 'DataEdgeExternal', 'AudioVideoAuthentication'],
};
