import { expect } from 'chai';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { createCsr, csrToPem, parseCsr } from '../../lib/certs/x509/csr.js';
import { generateKey, spkiDer, type KeyAlgorithm } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { OID } from '../../lib/certs/x509/oids.js';
import { normalizeThumbprint, parseCertificate, thumbprintOf } from '../../lib/certs/x509/parse.js';
import { CertError } from '../../lib/certs/errors.js';
import { makePki, openssl, tempDir, writePem, JAN_2030 } from './helpers.js';

const ALGORITHMS: [KeyAlgorithm, string][] = [
  ['RSA', 'rsaEncryption'], ['ECDH_P256', 'prime256v1'], ['ECDH_P384', 'secp384r1'], ['ECDH_P521', 'secp521r1'],
];

describe('x509 keys', () => {
  it('generates an RSA-2048 key natively (completes, 2048 bits)', async () => {
    const { publicKey } = await generateKey({ alg: 'RSA', size: 2048 });
    expect(publicKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
  });
  it('refuses an RSA key size the cmdlets do not accept', async () => {
    const error = await generateKey({ alg: 'RSA', size: 1000 }).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'InvalidArgument');
  });
});

describe('x509 certificate requests', () => {
  const dir = tempDir();
  after(() => dir.remove());
  for (const [alg, opensslName] of ALGORITHMS) it(`builds a ${alg} CSR that openssl verifies, with its SANs and EKU`, async () => {
    const keyPair = await generateKey({ alg, size: 2048 });
    const csr = createCsr({ subject: { commonName: 'pool1.litwareinc.com', organization: 'Litware', country: 'US' },
      sans: ['pool1.litwareinc.com', 'sip.litwareinc.com', '10.0.0.5'], keyPair, clientEku: true });
    const path = join(dir.path, `${alg}.csr`);
    writeFileSync(path, csrToPem(csr));
    const result = openssl(['req', '-verify', '-noout', '-text', '-in', path]);
    expect(result.ok, result.output).to.equal(true);
    expect(result.output).to.contain(opensslName)
      .and.contain('DNS:pool1.litwareinc.com, DNS:sip.litwareinc.com, IP Address:10.0.0.5')
      .and.contain('TLS Web Server Authentication, TLS Web Client Authentication');
    const parsed = parseCsr(csrToPem(csr));
    expect(parsed.subject).to.equal('CN=pool1.litwareinc.com, O=Litware, C=US');
    expect(parsed.sans).to.deep.equal(['pool1.litwareinc.com', 'sip.litwareinc.com', '10.0.0.5']);
    expect(parsed.ekus).to.deep.equal([OID.serverAuth, OID.clientAuth]);
  });
  it('rejects a CSR whose signature was tampered with as Malformed', async () => {
    const csr = createCsr({ subject: { commonName: 'a.example' }, sans: ['a.example'], keyPair: await generateKey({ alg: 'ECDH_P256' }) });
    csr[csr.length - 5]! ^= 0xff;
    expect(() => parseCsr(csr)).to.throw(CertError).with.property('code', 'Malformed');
  });
  it('reads a CSR that openssl wrote', () => {
    const key = join(dir.path, 'o.key');
    const made = openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-subj', '/CN=web.example/O=Ex',
      '-addext', 'subjectAltName=DNS:web.example,DNS:www.example']);
    expect(made.ok, made.output).to.equal(true);
    const parsed = parseCsr(made.output);
    expect(parsed.subject).to.equal('O=Ex, CN=web.example');   // -subj wrote CN first; Windows shows it reversed
    expect(parsed.sans).to.deep.equal(['web.example', 'www.example']);
  });
});

describe('x509 certificates', () => {
  const dir = tempDir();
  after(() => dir.remove());
  for (const [leafAlg, caAlg] of [['RSA', 'RSA'], ['ECDH_P256', 'ECDH_P256'], ['ECDH_P384', 'RSA'], ['RSA', 'ECDH_P521']] as const)
    it(`issues a ${leafAlg} leaf under a ${caAlg} two-tier CA that openssl verifies`, async () => {
      const pki = await makePki({ leafAlg, caAlg, now: new Date(), sans: ['pool1.litwareinc.com', 'meet.litwareinc.com'] });
      const root = writePem(dir.path, 'root.pem', pki.root);
      const issuing = writePem(dir.path, 'issuing.pem', pki.issuing);
      const leaf = writePem(dir.path, 'leaf.pem', pki.leaf);
      const verified = openssl(['verify', '-CAfile', root, '-untrusted', issuing, '-purpose', 'sslserver', leaf]);
      expect(verified.ok, verified.output).to.equal(true);
      const text = openssl(['x509', '-noout', '-text', '-in', leaf]).output;
      expect(text).to.contain('DNS:pool1.litwareinc.com, DNS:meet.litwareinc.com')
        .and.contain('TLS Web Server Authentication').and.contain('Subject Key Identifier')
        .and.contain('Authority Key Identifier').and.contain('CA:FALSE');
    });

  it('writes AIA and CDP URLs when given', async () => {
    const key = await generateKey({ alg: 'ECDH_P256' });
    const certificate = createCertificate({ subjectDer: encodeName({ commonName: 'x.example' }), spki: spkiDer(key.publicKey),
      selfSignKey: key.privateKey, notBefore: JAN_2030, notAfter: new Date('2051-01-01Z'), sans: ['x.example'],
      aiaUrl: 'http://pki.example/ca.crt', cdpUrl: 'http://pki.example/ca.crl' });
    const text = openssl(['x509', '-noout', '-text', '-inform', 'DER'], certificate).output;
    expect(text).to.contain('CA Issuers - URI:http://pki.example/ca.crt').and.contain('URI:http://pki.example/ca.crl')
      .and.contain('Not After : Jan  1 00:00:00 2051 GMT');
  });

  it('reads the properties Windows shows', async () => {
    const pki = await makePki({ leafAlg: 'RSA' });
    const info = parseCertificate(pki.leaf);
    expect(info).to.include({ subject: 'CN=pool1.litwareinc.com', issuer: 'CN=Test Issuing CA, O=Litware',
      thumbprint: thumbprintOf(pki.leaf), keyAlgorithm: 'RSA', keySize: 2048, isCA: false, selfSigned: false });
    expect(info.serialNumber).to.match(/^[0-9A-F]{32}$/);
    expect(info.sans).to.deep.equal(['pool1.litwareinc.com']);
    expect(info.ekus).to.deep.equal([OID.serverAuth]);
    expect(parseCertificate(pki.root)).to.include({ isCA: true, selfSigned: true });
  });
});

describe('thumbprints', () => {
  const forms = ['9f3a07c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7', '9F 3A 07 C1 D2 E3 F4 A5 B6 C7 D8 E9 F0 A1 B2 C3 D4 E5 F6 A7',
    '9f:3a:07:c1:d2:e3:f4:a5:b6:c7:d8:e9:f0:a1:b2:c3:d4:e5:f6:a7'];
  for (const form of forms) it(`normalizes '${form.slice(0, 14)}...' to 40 upper-case hex digits`, () => {
    expect(normalizeThumbprint(form)).to.equal('9F3A07C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7');
  });
  it('rejects the 43-character thumbprint of the reference example', () => {
    expect(() => normalizeThumbprint('B142918E463981A76503828BB1278391B716280987B')).to.throw(CertError).with.property('code', 'InvalidArgument');
  });
});
