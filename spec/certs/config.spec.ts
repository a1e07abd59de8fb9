import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, hostIdentity } from '../../lib/certs/config.js';
import { CertError } from '../../lib/certs/errors.js';
import { tempDir } from './helpers.js';

const SAMPLE = `
store: ./store
computerFqdn: atl-cs-001.litwareinc.com
topology:
  sipDomains: [litwareinc.com, fabrikam.com]
  simpleUrls: { meet: https://meet.litwareinc.com, dialin: https://dialin.litwareinc.com, admin: https://admin.litwareinc.com }
  pools:
    - fqdn: pool1.litwareinc.com
      role: FrontEnd
      computers: [atl-cs-001.litwareinc.com, atl-cs-002.litwareinc.com]
      webServices: { internalFqdn: pool1int.litwareinc.com, externalFqdn: pool1ext.litwareinc.com }
    - fqdn: edge.litwareinc.com
      role: Edge
      computers: [atl-edge-001.litwareinc.com]
      edge: { internalFqdn: edge.litwareinc.com, accessEdgeFqdn: sip.litwareinc.com, webConferencingFqdn: webcon.litwareinc.com, avFqdn: av.litwareinc.com }
authorities:
  'atl-ca-001.litwareinc.com\\myca': { kind: local, policy: auto }
  'lab\\untrusted-ca': { kind: local, trust: false }
  pebble: { kind: acme, directory: 'https://127.0.0.1:14000/dir' }
  signer: { kind: cfssl, url: 'http://127.0.0.1:8888', authKeyEnv: CFSSL_AUTH_KEY }
defaultAuthority: 'atl-ca-001.litwareinc.com\\myca'
defaults: { keySize: 2048, keyAlg: RSA, template: WebServer, organization: Litware, country: US }
`;

describe('config', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => dir.remove());
  const env = () => ({ HOME: dir.path });

  describe('with the SPEC example in .cscertrc.yaml two directories up', () => {
    it('loads it, resolving the store against the file', async () => {
      writeFileSync(join(dir.path, '.cscertrc.yaml'), SAMPLE);
      const cwd = join(dir.path, 'a', 'b');
      mkdirSync(cwd, { recursive: true });
      const config = await loadConfig({ cwd, env: env() });
      expect(config.file).to.equal(join(dir.path, '.cscertrc.yaml'));
      expect(config.store).to.equal(join(dir.path, 'store'));
      expect(config.topology.pools[1]!.edge!.avFqdn).to.equal('av.litwareinc.com');
      expect(config.authorities['lab\\untrusted-ca']).to.deep.equal({ name: 'lab\\untrusted-ca', kind: 'local', settings: { trust: false } });
      expect(config.defaults).to.include({ organization: 'Litware', privateKeyExportable: false });
    });
    it('lets CSCERT_STORE and then an explicit store beat the file', async () => {
      writeFileSync(join(dir.path, '.cscertrc.yaml'), SAMPLE);
      expect((await loadConfig({ cwd: dir.path, env: { ...env(), CSCERT_STORE: '/x/env' } })).store).to.equal('/x/env');
      expect((await loadConfig({ cwd: dir.path, env: { ...env(), CSCERT_STORE: '/x/env' }, store: '/x/flag' })).store).to.equal('/x/flag');
    });
  });

  it('reads package.json#cscert and a named file (CSCERT_CONFIG)', async () => {
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ name: 'x', cscert: { computerFqdn: 'a.example.com' } }));
    writeFileSync(join(dir.path, 'other.json'), JSON.stringify({ computerFqdn: 'b.example.com' }));
    expect((await loadConfig({ cwd: dir.path, env: env() })).computerFqdn).to.equal('a.example.com');
    expect((await loadConfig({ cwd: dir.path, env: { ...env(), CSCERT_CONFIG: 'other.json' } })).computerFqdn).to.equal('b.example.com');
  });

  it("passes over a package.json whose only 'cscert' is its name", async () => {
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ name: 'cscert', version: '1.0.0' }));
    expect((await loadConfig({ cwd: dir.path, env: env(), hostName: 'fe01.skypefb.com' })).file).to.equal(undefined);
  });

  it('falls back to embedded defaults with no file', async () => {
    const config = await loadConfig({ cwd: dir.path, env: { ...env(), XDG_DATA_HOME: '/data' }, hostName: 'fe01.skypefb.com' });
    expect(config.file).to.equal(undefined);
    expect(config.store).to.equal('/data/cscert');
    expect(config.computerFqdn).to.equal('fe01.skypefb.com');
    expect(config.topology.sipDomains).to.deep.equal(['skypefb.com']);
    expect(config.topology.pools).to.have.length(1).and.nested.property('[0].fqdn', 'fe01.skypefb.com');
    expect(config.defaultAuthority).to.equal('fe01.skypefb.com\\cscert-ca');
    expect(config.authorities[config.defaultAuthority]!.kind).to.equal('local');
  });

  it('makes a bare host name FQDN-like under contoso.local', () => {
    expect(hostIdentity('BUILD7')).to.deep.equal({ computerFqdn: 'build7.contoso.local', domain: 'contoso.local' });
  });

  const invalid: [string, string, string][] = [
    ['an unknown top-level key', 'colour: red', 'colour'],
    ['a pool role out of the list', 'topology: { pools: [ { fqdn: a.example.com, role: FrontEnd }, { fqdn: b.example.com, role: Gateway } ] }', 'topology.pools[1].role'],
    ['a key size of the wrong type', 'defaults: { keySize: big }', 'defaults.keySize'],
    ['an unknown CA kind', "authorities: { x: { kind: msca } }", 'authorities.x.kind'],
    ['an acme CA without a directory', "authorities: { x: { kind: acme } }", 'authorities.x.directory'],
    ['a setting of another CA kind', "authorities: { x: { kind: local, directory: 'https://a' } }", 'authorities.x.directory'],
    ['a SIP domain that is not a host name', 'topology: { sipDomains: ["not a domain"] }', 'topology.sipDomains[0]'],
    ['a default authority that is not configured', 'defaultAuthority: nowhere', 'defaultAuthority'],
  ];
  for (const [situation, yaml, keyPath] of invalid) it(`rejects ${situation} as InvalidConfig naming ${keyPath}`, async () => {
    const file = join(dir.path, 'cscert.config.yaml');
    writeFileSync(file, yaml);
    const error = await loadConfig({ cwd: dir.path, env: env() }).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'InvalidConfig');
    expect(error.target).to.equal(keyPath);
    expect(error.message).to.contain(file);
  });

  describe('with a named JSON file (read without cosmiconfig)', () => {
    const cases: [string, string, (config: Awaited<ReturnType<typeof loadConfig>>) => void][] = [
      ['its settings', JSON.stringify({ computerFqdn: 'c.example.com', defaults: { keyAlg: 'ECDH_P256' } }),
        (config) => expect(config).to.deep.include({ computerFqdn: 'c.example.com' }).and.nested.include({ 'defaults.keyAlg': 'ECDH_P256' })],
      ['an empty file as no settings', '  \n', (config) => expect(config.defaultAuthority).to.be.a('string')],
    ];
    for (const [what, text, check] of cases) it(`reads ${what}`, async () => {
      writeFileSync(join(dir.path, 'named.JSON'), text);
      check(await loadConfig({ cwd: dir.path, env: env(), configFile: 'named.JSON' }));
    });

    it('refuses malformed JSON and settings the schema does not know as InvalidConfig naming the file', async () => {
      const file = join(dir.path, 'bad.json');
      writeFileSync(file, '{ "computerFqdn": ');
      const malformed = await loadConfig({ cwd: dir.path, env: { ...env(), CSCERT_CONFIG: file } }).catch((e) => e);
      expect(malformed).to.be.instanceOf(CertError).and.include({ code: 'InvalidConfig', target: file });
      expect(malformed.message).to.contain(file);
      writeFileSync(file, JSON.stringify({ defaults: { keyAlg: 'DSA' } }));
      const unknown = await loadConfig({ cwd: dir.path, env: { ...env(), CSCERT_CONFIG: file } }).catch((e) => e);
      expect(unknown).to.be.instanceOf(CertError).and.include({ code: 'InvalidConfig', target: 'defaults.keyAlg' });
    });
  });

  it('reports a named file that does not exist as NotFound', async () => {
    const error = await loadConfig({ cwd: dir.path, env: env(), configFile: 'missing.yaml' }).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'NotFound');
  });
});
