import { expect } from 'chai';
import { createCertificate } from '../../../lib/certs/x509/certificate.js';
import { generateKey, spkiDer, type KeyPair } from '../../../lib/certs/x509/keys.js';
import { encodeName } from '../../../lib/certs/x509/names.js';
import { OID } from '../../../lib/certs/x509/oids.js';
import { validateCertificate, type ValidationInput } from '../../../lib/certs/validation/validate.js';
import { modelCertificate } from '../../../lib/certs/validation/certificate-model.js';
import { presentedMatches, presentedName, referenceName } from '../../../lib/certs/validation/dns-name.js';
import { JAN_2030 } from '../helpers.js';

interface Ca { der: Buffer; name: Buffer; key: KeyPair }
const YEAR = 365 * 86_400_000;
const span = (fromYears: number, toYears: number) =>
  ({ notBefore: new Date(JAN_2030.getTime() + fromYears * YEAR), notAfter: new Date(JAN_2030.getTime() + toYears * YEAR) });

async function ca(commonName: string, issuer?: Ca, options: { key?: KeyPair; years?: [number, number] } = {}): Promise<Ca> {
  const key = options.key ?? await generateKey({ alg: 'ECDH_P256' });
  const name = encodeName({ commonName });
  const der = createCertificate({ subjectDer: name, spki: spkiDer(key.publicKey), ca: {}, ...span(...(options.years ?? [-1, 10])),
    ...(issuer ? { issuer: { subjectDer: issuer.name, spki: spkiDer(issuer.key.publicKey), privateKey: issuer.key.privateKey } }
      : { selfSignKey: key.privateKey }) });
  return { der, name, key };
}

async function leafUnder(issuer: Ca, options: { sans?: string[]; key?: KeyPair } = {}): Promise<Buffer> {
  const key = options.key ?? await generateKey({ alg: 'ECDH_P256' });
  const sans = options.sans ?? ['pool1.litwareinc.com'];
  return createCertificate({ subjectDer: encodeName({ commonName: sans[0]! }), spki: spkiDer(key.publicKey), ...span(-1, 1),
    issuer: { subjectDer: issuer.name, spki: spkiDer(issuer.key.publicKey), privateKey: issuer.key.privateKey },
    sans, ekus: [OID.serverAuth] });
}

const input = (leaf: Buffer, roots: Buffer[], intermediates: Buffer[], dnsName?: string): ValidationInput => ({
  leaf, anchors: roots.map((der) => ({ der, source: 'Root' })), intermediates: intermediates.map((der) => ({ der, source: 'CA' })),
  policy: { at: JAN_2030, serverAuth: true, dnsName },
});

describe('validateCertificate', () => {
  describe('path building', () => {
    it('goes around an expired intermediate when a valid one with the same name and key exists', async () => {
      const root = await ca('Lab Root');
      const key = await generateKey({ alg: 'ECDH_P256' });
      const expired = await ca('Lab Issuing', root, { key, years: [-3, -1] });
      const current = await ca('Lab Issuing', root, { key });
      const result = validateCertificate(input(await leafUnder(current), [root.der], [expired.der, current.der]));
      expect(result.valid).to.equal(true);
      expect(result.chain.map((l) => l.source)).to.deep.equal(['Leaf', 'CA', 'Root']);
      expect(result.chain[1]!.notAfter!.getTime()).to.be.greaterThan(JAN_2030.getTime());
    });

    it('reaches a trusted root through a cross-signed certificate', async () => {
      const trusted = await ca('Old Root');
      const newRoot = await ca('New Root');
      const cross = await ca('New Root', trusted, { key: newRoot.key });
      const issuing = await ca('New Issuing', newRoot);
      const result = validateCertificate(input(await leafUnder(issuing), [trusted.der], [newRoot.der, cross.der, issuing.der]));
      expect(result.valid).to.equal(true);
      expect(result.chain.map((l) => l.subject)).to.deep.equal(['CN=pool1.litwareinc.com', 'CN=New Issuing', 'CN=New Root', 'CN=Old Root']);
      expect(result.chain.map((l) => l.status)).to.deep.equal(['Present', 'Present', 'Present', 'Trusted']);
    });

    it('ends on two CAs that sign each other, naming the issuer that is missing', async () => {
      const keyX = await generateKey({ alg: 'ECDH_P256' });
      const keyY = await generateKey({ alg: 'ECDH_P256' });
      const x0 = await ca('CA X', undefined, { key: keyX });
      const y = await ca('CA Y', x0, { key: keyY });
      const x = await ca('CA X', y, { key: keyX });
      const result = validateCertificate(input(await leafUnder(x), [], [x.der, y.der]));
      expect(result.valid).to.equal(false);
      expect(result.problems[0]).to.include({ rule: 'UntrustedRoot', code: 'Untrusted' });
      expect(result.chain.at(-1)!.status).to.equal('Missing');
    });

    it("names the root to import, with the command, when the root is not trusted", async () => {
      const root = await ca('Lab Root');
      const result = validateCertificate(input(await leafUnder(root), [], [root.der]));
      expect(result.problems[0]!.message).to.equal(
        "The root 'CN=Lab Root' is not in the Trusted Root store (Root). Import it: Import-CsCertificate -Path <file holding 'CN=Lab Root'>.");
    });
  });

  describe('certificates built in this process (judged without a second parse)', () => {
    it('does not take an issuer of the same name whose key did not sign the leaf', async () => {
      const root = await ca('Lab Root');
      const signer = await ca('Lab Issuing', root);
      const namesake = await ca('Lab Issuing', root);
      const result = validateCertificate(input(await leafUnder(signer), [root.der], [namesake.der]));
      expect(result.valid).to.equal(false);
      expect(result.chain.map((l) => l.status)).to.deep.equal(['Present', 'Missing']);
    });

    it('checks a certificate altered after it was built in full: its signature no longer verifies', async () => {
      const root = await ca('Lab Root');
      const issuing = await ca('Lab Issuing', root);
      const leaf = await leafUnder(issuing, { sans: ['pool1.litwareinc.com'] });
      const altered = Buffer.from(leaf);
      altered[altered.indexOf('pool1')] = 'q'.charCodeAt(0);   // in the SAN, inside the signed part
      expect(validateCertificate(input(leaf, [root.der], [issuing.der], 'pool1.litwareinc.com')).valid).to.equal(true);
      const result = validateCertificate(input(altered, [root.der], [issuing.der], 'qool1.litwareinc.com'));
      expect(result.valid).to.equal(false);
      expect(result.chain.at(-1)!.status).to.equal('Missing');
    });

    it('knows a root built here as self-signed, and a self-issued certificate signed by another key as not', async () => {
      const root = await ca('Lab Root');
      const other = await ca('Lab Root');
      const reissued = await ca('Lab Root', other, { key: root.key });   // same name and key as root, signed by the other
      expect(modelCertificate(root.der)).to.include({ selfIssued: true, selfSigned: true, x509: undefined });
      expect(modelCertificate(reissued.der)).to.include({ selfIssued: true, selfSigned: false });
    });
  });

  describe('the leaf', () => {
    it('rejects an RSA key under 2048 bits as a weak key naming the certificate', async () => {
      const root = await ca('Lab Root');
      const result = validateCertificate(input(await leafUnder(root, { key: await generateKey({ alg: 'RSA', size: 1024 }) }), [root.der], []));
      expect(result.valid).to.equal(false);
      expect(result.problems.map((p) => [p.rule, p.code, p.subject])).to.deep.include(['WeakKey', 'WeakCrypto', 'CN=pool1.litwareinc.com']);
    });

    it('matches -DnsName against the SANs only', async () => {
      const root = await ca('Lab Root');
      const leaf = await leafUnder(root, { sans: ['*.litwareinc.com'] });
      expect(validateCertificate(input(leaf, [root.der], [], 'pool1.litwareinc.com')).valid).to.equal(true);
      const wrong = validateCertificate(input(leaf, [root.der], [], 'a.b.litwareinc.com'));
      expect(wrong.problems.map((p) => p.rule)).to.deep.equal(['NameMismatch']);
    });
  });
});

describe('DNS names (RFC 6125)', () => {
  const cases: [string, string, boolean][] = [
    ['example.com', 'example.com', true],
    ['EXAMPLE.com', 'example.COM.', true],
    ['*.example.com', 'foo.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.b.example.com', false],
    ['f*.example.com', 'foo.example.com', false],
    ['foo.*.example.com', 'foo.bar.example.com', false],
    ['*', 'com', false],
    ['*.com', 'example.com', false],
    ['*.co.uk', 'example.co.uk', false],
    ['xn--bcher-kva.example', 'bücher.example', true],
    ['bücher.example', 'xn--bcher-kva.example', false],
  ];
  for (const [presented, reference, matches] of cases) it(`${matches ? 'matches' : 'does not match'} ${presented} for ${reference}`, () => {
    const name = presentedName(presented);
    const asked = referenceName(reference);
    expect(!!name && !!asked && presentedMatches(name, asked)).to.equal(matches);
  });
});
