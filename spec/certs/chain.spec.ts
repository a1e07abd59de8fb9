import { expect } from 'chai';
import { buildChain, type ChainOptions } from '../../lib/certs/x509/chain.js';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { generateKey, spkiDer } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { OID } from '../../lib/certs/x509/oids.js';
import { makePki, JAN_2030, type Pki } from './helpers.js';

describe('chain building', () => {
  let pki: Pki;
  let clientOnly: Buffer;
  before(async () => {
    pki = await makePki();
    const key = await generateKey({ alg: 'ECDH_P256' });
    clientOnly = createCertificate({ subjectDer: encodeName({ commonName: 'client.example' }), spki: spkiDer(key.publicKey),
      issuer: { subjectDer: encodeName({ commonName: 'Test Issuing CA', organization: 'Litware' }), spki: spkiDer(pki.issuingKey.publicKey), privateKey: pki.issuingKey.privateKey },
      notBefore: JAN_2030, notAfter: new Date('2031-01-01Z'), ekus: [OID.clientAuth] });
  });

  const cases: [string, () => [Buffer, Partial<ChainOptions>], boolean, string[], string | undefined, string | undefined][] = [
    ['a complete chain', () => [pki.leaf, {}], true, ['Present', 'Present', 'Trusted'], undefined, undefined],
    ['a missing intermediate', () => [pki.leaf, { intermediates: [] }], false, ['Present', 'Missing'], 'MissingIntermediate', 'CN=Test Issuing CA, O=Litware'],
    ['a root outside Root', () => [pki.leaf, { roots: [], intermediates: [pki.issuing, pki.root] }], false, ['Present', 'Present', 'Present'], 'Untrusted', 'CN=Test Root, O=Litware'],
    ['a root nowhere', () => [pki.leaf, { roots: [] }], false, ['Present', 'Present', 'Missing'], 'Untrusted', 'CN=Test Root, O=Litware'],
    ['an expired leaf', () => [pki.leaf, { at: new Date('2032-01-01Z') }], false, ['Present', 'Present', 'Trusted'], 'Expired', 'CN=pool1.litwareinc.com'],
    ['a leaf not yet valid', () => [pki.leaf, { at: new Date('2020-01-01Z') }], false, ['Present', 'Present', 'Trusted'], 'NotYetValid', 'CN=pool1.litwareinc.com'],
    ['a leaf without serverAuth', () => [clientOnly, {}], false, ['Present', 'Present', 'Trusted'], 'UsageMissing', 'CN=client.example'],
    ['a root itself in Root', () => [pki.root, {}], true, ['Trusted'], undefined, undefined],
  ];
  for (const [situation, setup, trusted, statuses, code, subject] of cases) it(`judges ${situation}`, () => {
    const [leaf, options] = setup();
    const result = buildChain(leaf, { roots: [pki.root], intermediates: [pki.issuing], at: JAN_2030, requireServerAuth: true, ...options });
    expect(result.trusted).to.equal(trusted);
    expect(result.links.map((l) => l.status)).to.deep.equal(statuses);
    expect(result.problems[0]?.code).to.equal(code);
    expect(result.problems[0]?.subject).to.equal(subject);
  });
});
