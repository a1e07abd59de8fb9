// Setup scripts for declared examples: the reference's examples name litwareinc.com's CAs and
// computers, so those examples first write the SPEC §4 sample configuration (Litware's pools,
// Edge and CAs) into the working directory, where the configuration search finds it.

export function litwareSetup(): string {
  return "Set-Content -Path .cscertrc.json -Value '" + JSON.stringify({
    computerFqdn: 'atl-cs-001.litwareinc.com',
    topology: { sipDomains: ['litwareinc.com', 'fabrikam.com'],
      simpleUrls: { meet: 'https://meet.litwareinc.com', dialin: 'https://dialin.litwareinc.com', admin: 'https://admin.litwareinc.com' },
      pools: [
        { fqdn: 'pool1.litwareinc.com', role: 'FrontEnd', computers: ['atl-cs-001.litwareinc.com', 'atl-cs-002.litwareinc.com'],
          webServices: { internalFqdn: 'pool1int.litwareinc.com', externalFqdn: 'pool1ext.litwareinc.com' } },
        { fqdn: 'edge.litwareinc.com', role: 'Edge', computers: ['atl-edge-001.litwareinc.com'],
          edge: { internalFqdn: 'edge.litwareinc.com', accessEdgeFqdn: 'sip.litwareinc.com', webConferencingFqdn: 'webcon.litwareinc.com', avFqdn: 'av.litwareinc.com' } },
      ] },
    authorities: { 'atl-ca-001.litwareinc.com\\myca': { kind: 'local', policy: 'auto', templates: { jcila: { clientAuth: false } } }, 'lab\\untrusted-ca': { kind: 'local', trust: false } },
    defaultAuthority: 'atl-ca-001.litwareinc.com\\myca',
    defaults: { keySize: 2048, keyAlg: 'RSA', template: 'WebServer', organization: 'Litware', country: 'US' },
  }) + "'";
}

/** A configuration whose default CA holds every request Pending until approved or denied. */
export function manualCaSetup(): string {
  return "Set-Content -Path .cscertrc.json -Value '" + JSON.stringify({
    authorities: { 'lab\\manual-ca': { kind: 'local', policy: 'manual' } }, defaultAuthority: 'lab\\manual-ca' }) + "'";
}
