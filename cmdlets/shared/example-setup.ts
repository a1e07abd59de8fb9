// Setup scripts for declared examples and the reference-example specs: the reference's examples
// name litwareinc.com's and contoso's CAs, computers and SIP domains, so those examples first
// write a configuration into the working directory, where the configuration search finds it.
// Litware is the SPEC §4 sample (its pools, Edge and CAs); Contoso is the deployment the SfB
// conceptual pages (reference §4.2) use: SIP domains contoso.com and contoso.net, a Standard
// Edition Front End se01.contoso.com, an Edge, and the CA `dc\myca`.

/** A PowerShell line writing `config` as .cscertrc.json in the current directory. */
const writeConfig = (config: object) => "Set-Content -Path .cscertrc.json -Value '" + JSON.stringify(config) + "'";

/** A CA whose certificates expire within 45 days, for the expiry filters of the reference's scripts. */
const SHORT_LIVED_CA = { kind: 'local', policy: 'auto', validityDays: 30 };

/** The SPEC §4 sample configuration, seen from `computer` (atl-cs-001, or the Edge atl-edge-001). */
export function litwareConfig(computer = 'atl-cs-001.litwareinc.com'): object {
  return {
    computerFqdn: computer,
    topology: { sipDomains: ['litwareinc.com', 'fabrikam.com'],
      simpleUrls: { meet: 'https://meet.litwareinc.com', dialin: 'https://dialin.litwareinc.com', admin: 'https://admin.litwareinc.com' },
      pools: [
        { fqdn: 'pool1.litwareinc.com', role: 'FrontEnd', computers: ['atl-cs-001.litwareinc.com', 'atl-cs-002.litwareinc.com'],
          webServices: { internalFqdn: 'pool1int.litwareinc.com', externalFqdn: 'pool1ext.litwareinc.com' } },
        { fqdn: 'edge.litwareinc.com', role: 'Edge', computers: ['atl-edge-001.litwareinc.com'],
          edge: { internalFqdn: 'edge.litwareinc.com', accessEdgeFqdn: 'sip.litwareinc.com', webConferencingFqdn: 'webcon.litwareinc.com', avFqdn: 'av.litwareinc.com' } },
      ] },
    authorities: { 'atl-ca-001.litwareinc.com\\myca': { kind: 'local', policy: 'auto', templates: { jcila: { clientAuth: false } } },
      // the enterprise CA as the ibenbouzid lab scripts name it: <CA host>\<domain>-CA
      'atl-ca-001.litwareinc.com\\litwareinc.com-CA': { kind: 'local', policy: 'auto' },
      'dc\\myca': { kind: 'local', policy: 'auto' }, 'lab\\untrusted-ca': { kind: 'local', trust: false },
      'lab\\shortlived-ca': SHORT_LIVED_CA },
    defaultAuthority: 'atl-ca-001.litwareinc.com\\myca',
    defaults: { keySize: 2048, keyAlg: 'RSA', template: 'WebServer', organization: 'Litware', country: 'US' },
  };
}

export const litwareSetup = (computer?: string): string => writeConfig(litwareConfig(computer));

/** The Contoso computers: the Standard Edition server (the default) and the Edge server. */
export const CONTOSO_FRONT_END = 'se01.contoso.com';
export const CONTOSO_EDGE = 'sfbedge.contoso.com';

/**
 * Contoso's deployment, seen from `computer`. The CA `dc\myca` issues WebServer certificates and,
 * from the custom template `WebServerClientEku`, client authentication too (AOL public IM);
 * `dc\shortlived-ca` issues certificates that expire within 30 days.
 */
export function contosoConfig(computer: string = CONTOSO_FRONT_END): object {
  return {
    computerFqdn: computer,
    topology: { sipDomains: ['contoso.com', 'contoso.net'],
      simpleUrls: { meet: 'https://meet.contoso.com', dialin: 'https://dialin.contoso.com', admin: 'https://admin.contoso.com' },
      pools: [
        { fqdn: CONTOSO_FRONT_END, role: 'FrontEnd', computers: [CONTOSO_FRONT_END],
          webServices: { internalFqdn: CONTOSO_FRONT_END, externalFqdn: 'webcon01.contoso.com' } },
        { fqdn: CONTOSO_EDGE, role: 'Edge', computers: [CONTOSO_EDGE],
          edge: { internalFqdn: CONTOSO_EDGE, accessEdgeFqdn: 'sip.contoso.com', webConferencingFqdn: 'webcon.contoso.com', avFqdn: 'av.contoso.com' } },
      ] },
    authorities: { 'dc\\myca': { kind: 'local', policy: 'auto', templates: { WebServerClientEku: { clientAuth: true } } },
      'dc\\shortlived-ca': SHORT_LIVED_CA },
    defaultAuthority: 'dc\\myca',
    defaults: { keySize: 2048, keyAlg: 'RSA', template: 'WebServer', organization: 'Contoso', country: 'US' },
  };
}

export const contosoSetup = (computer?: string): string => writeConfig(contosoConfig(computer));

/** A configuration whose default CA holds every request Pending until approved or denied. */
export function manualCaSetup(): string {
  return writeConfig({ authorities: { 'lab\\manual-ca': { kind: 'local', policy: 'manual' } }, defaultAuthority: 'lab\\manual-ca' });
}
