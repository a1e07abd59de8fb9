import { expect } from 'chai';
import { CERT_TYPES, parseCertType, type CertType } from '../../lib/certs/cert-types.js';
import type { CsConfig, Topology } from '../../lib/certs/config.js';
import { CertError } from '../../lib/certs/errors.js';
import { computeNames, computers, poolOfComputer, sipDomains, type NameRequest } from '../../lib/certs/topology.js';

function configWith(topology: Topology): CsConfig {
  return { store: '/tmp/s', computerFqdn: 'atl-cs-001.litwareinc.com', topology, authorities: {}, defaultAuthority: 'x',
    defaults: { keySize: 2048, keyAlg: 'RSA', template: 'WebServer', privateKeyExportable: false } };
}

const litware = configWith({
  sipDomains: ['litwareinc.com', 'fabrikam.com'],
  simpleUrls: { meet: 'https://meet.litwareinc.com', dialin: 'https://dialin.litwareinc.com', admin: 'https://admin.litwareinc.com' },
  pools: [
    { fqdn: 'pool1.litwareinc.com', role: 'FrontEnd', computers: ['atl-cs-001.litwareinc.com', 'atl-cs-002.litwareinc.com'],
      webServices: { internalFqdn: 'pool1int.litwareinc.com', externalFqdn: 'pool1ext.litwareinc.com' } },
    { fqdn: 'edge.litwareinc.com', role: 'Edge', computers: ['atl-edge-001.litwareinc.com'],
      edge: { internalFqdn: 'edge.litwareinc.com', accessEdgeFqdn: 'sip.litwareinc.com', webConferencingFqdn: 'webcon.litwareinc.com', avFqdn: 'av.litwareinc.com' } },
    { fqdn: 'med.litwareinc.com', role: 'Mediation', computers: ['med01.litwareinc.com'] },
  ],
});

// The lab of the observed -Report logs (reference §2): SE server, one SIP domain.
const skypefb = configWith({
  sipDomains: ['skypefb.com'],
  simpleUrls: { meet: 'https://meet.skypefb.com', dialin: 'https://dialin.skypefb.com', admin: 'https://admin.skypefb.com' },
  pools: [
    { fqdn: 'VM-SFB-FE01.skypefb.com', role: 'Standard', computers: [],
      webServices: { internalFqdn: 'VM-SFB-FE01.skypefb.com', externalFqdn: 'webext.skypefb.com' } },
    { fqdn: 'VM-SFB-EDGE01.skypefb.com', role: 'Edge', computers: [], edge: { accessEdgeFqdn: 'sip.skypefb.com' } },
  ],
});

const FE = 'atl-cs-001.litwareinc.com';
const EDGE = 'atl-edge-001.litwareinc.com';
type Row = [string, CsConfig, Omit<NameRequest, 'types'> & { types: CertType[] }, string, string[]];
const table: Row[] = [
  ['Default on a Front End', litware, { types: ['Default'], computer: FE },
    'pool1.litwareinc.com', ['sip.litwareinc.com', 'pool1.litwareinc.com', FE]],
  ['Default with -AllSipDomain', litware, { types: ['Default'], computer: FE, allSipDomain: true },
    'pool1.litwareinc.com', ['sip.litwareinc.com', 'sip.fabrikam.com', 'pool1.litwareinc.com', FE]],
  ['WebServicesInternal', litware, { types: ['WebServicesInternal'], computer: FE }, 'pool1.litwareinc.com',
    ['pool1int.litwareinc.com', FE, 'pool1.litwareinc.com', 'dialin.litwareinc.com', 'meet.litwareinc.com', 'admin.litwareinc.com', 'lyncdiscoverinternal.litwareinc.com']],
  ['WebServicesExternal', litware, { types: ['WebServicesExternal'], computer: FE }, 'pool1.litwareinc.com',
    ['pool1.litwareinc.com', 'pool1ext.litwareinc.com', 'dialin.litwareinc.com', 'meet.litwareinc.com', 'lyncdiscover.litwareinc.com']],
  ['the observed SE request of Default,WebServicesInternal,WebServicesExternal', skypefb,
    { types: ['Default', 'WebServicesInternal', 'WebServicesExternal'], computer: 'VM-SFB-FE01.skypefb.com', domainNames: ['sip.skypefb.com'], allSipDomain: true },
    'VM-SFB-FE01.skypefb.com', ['sip.skypefb.com', 'VM-SFB-FE01.skypefb.com', 'dialin.skypefb.com', 'meet.skypefb.com', 'admin.skypefb.com',
      'lyncdiscoverinternal.skypefb.com', 'webext.skypefb.com', 'lyncdiscover.skypefb.com']],
  ['the observed OAuthTokenIssuer request', skypefb,
    { types: ['OAuthTokenIssuer'], computer: 'VM-SFB-FE01.skypefb.com', domainNames: ['VM-SFB-FE01.skypefb.com'] },
    'skypefb.com', ['VM-SFB-FE01.skypefb.com', 'skypefb.com']],
  ['the observed Edge Internal request with -AllSipDomain', skypefb,
    { types: ['Internal'], computer: 'VM-SFB-EDGE01.skypefb.com', allSipDomain: true }, 'VM-SFB-EDGE01.skypefb.com', []],
  ['Default on a stand-alone Mediation server', litware, { types: ['Default'], computer: 'med01.litwareinc.com' },
    'med.litwareinc.com', ['med.litwareinc.com', 'med01.litwareinc.com']],
  ['Internal on an Edge', litware, { types: ['Internal'], computer: EDGE }, 'edge.litwareinc.com', []],
  ['AccessEdgeExternal with -AllSipDomain', litware, { types: ['AccessEdgeExternal'], computer: EDGE, allSipDomain: true },
    'sip.litwareinc.com', ['sip.litwareinc.com', 'webcon.litwareinc.com', 'sip.fabrikam.com']],
  ['DataEdgeExternal', litware, { types: ['DataEdgeExternal'], computer: EDGE }, 'webcon.litwareinc.com', ['webcon.litwareinc.com']],
  ['AudioVideoAuthentication', litware, { types: ['AudioVideoAuthentication'], computer: EDGE }, 'av.litwareinc.com', []],
  ['the three external Edge usages together', litware,
    { types: ['AudioVideoAuthentication', 'DataEdgeExternal', 'AccessEdgeExternal'], computer: EDGE },
    'sip.litwareinc.com', ['sip.litwareinc.com', 'webcon.litwareinc.com']],
  ['XMPPServer', litware, { types: ['XMPPServer'], computer: EDGE },
    'sip.litwareinc.com', ['sip.litwareinc.com', 'webcon.litwareinc.com', 'xmpp.litwareinc.com', '*.litwareinc.com']],
  ['-DomainName entries (first, without duplicates)', litware,
    { types: ['Default'], computer: FE, domainNames: ['atl-cs-002.litwareinc.com', 'POOL1.litwareinc.com'] },
    'pool1.litwareinc.com', ['atl-cs-002.litwareinc.com', 'POOL1.litwareinc.com', 'sip.litwareinc.com', FE]],
];

describe('topology names', () => {
  for (const [situation, config, request, subject, sans] of table) it(`computes ${situation}`, () => {
    expect(computeNames(config, request)).to.deep.equal({ subject, sans });
  });

  const refusals: [string, CsConfig, NameRequest, string, string?][] = [
    ['an Edge type on a Front End', litware, { types: ['Internal'], computer: FE }, 'NotNeeded', 'Internal'],
    ['a Front End type on an Edge', litware, { types: ['WebServicesInternal'], computer: EDGE }, 'NotNeeded', 'WebServicesInternal'],
    ['a computer outside the topology', litware, { types: ['Default'], computer: 'stray.litwareinc.com' }, 'TopologyIncomplete', 'stray.litwareinc.com'],
    ['WebServicesExternal without an external FQDN', configWith({ ...litware.topology, pools: [{ fqdn: 'p.x.com', role: 'FrontEnd', computers: ['c.x.com'] }] }),
      { types: ['WebServicesExternal'], computer: 'c.x.com' }, 'TopologyIncomplete', "webServices.externalFqdn of pool 'p.x.com'"],
    ['an online-only type', litware, { types: ['PICWebService'], computer: FE }, 'Unsupported', 'PICWebService'],
  ];
  for (const [situation, config, request, code, target] of refusals) it(`refuses ${situation} with ${code}`, () => {
    expect(() => computeNames(config, request)).to.throw(CertError).with.property('code', code);
    try { computeNames(config, request); } catch (error) { expect((error as CertError).target).to.equal(target); }
  });
});

describe('topology lookups', () => {
  it('binds CertType names case-insensitively, XmppServer included', () => {
    expect(parseCertType('webservicesinternal')).to.equal('WebServicesInternal');
    expect(parseCertType('XmppServer')).to.equal('XMPPServer');
    expect(parseCertType('Nope')).to.equal(undefined);
    expect(CERT_TYPES).to.include.members(['Default', 'OAuthTokenIssuer', 'iPhoneAPNService']);
  });
  it('lists SIP domains with the first as default, and computers with their pools', () => {
    expect(sipDomains(litware)).to.deep.equal([{ identity: 'litwareinc.com', isDefault: true }, { identity: 'fabrikam.com', isDefault: false }]);
    expect(computers(litware)).to.deep.include({ identity: EDGE, pool: 'edge.litwareinc.com', role: 'Edge' });
    expect(poolOfComputer(litware, 'ATL-CS-002.litwareinc.com')?.fqdn).to.equal('pool1.litwareinc.com');
  });
});
