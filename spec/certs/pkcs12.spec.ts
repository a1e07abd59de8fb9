import { expect } from 'chai';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CertError } from '../../lib/certs/errors.js';
import { readPkcs12, writePkcs12 } from '../../lib/certs/x509/pkcs12.js';
import { pkcs12Kdf, bmpPassword } from '../../lib/certs/x509/pkcs12-crypto.js';
import { Pkcs12Password, pkcs12KdfOffThread } from '../../lib/certs/x509/pkcs12-kdf.js';
import { OFF_THREAD_ROUNDS, workerState } from '../../lib/certs/x509/pkcs12-kdf-workers.js';
import { iterateHash, WORTH_COMPILING } from '../../lib/certs/x509/iterated-hash.js';
import { hash } from 'node:crypto';
import { readBundle, writePkcs7, certificatesToPem } from '../../lib/certs/x509/pem.js';
import { thumbprintOf } from '../../lib/certs/x509/parse.js';
import { makePki, openssl, tempDir, writePem, type Pki } from './helpers.js';

describe('pkcs12', () => {
  const dir = tempDir();
  let rsa: Pki, ec: Pki;
  before(async () => { rsa = await makePki({ leafAlg: 'RSA', caAlg: 'ECDH_P256' }); ec = await makePki({ leafAlg: 'ECDH_P384' }); });
  after(() => dir.remove());

  it('derives PKCS#12 keys as RFC 7292 appendix B does (the OpenSSL test vector)', () => {
    // openssl test/pkcs12_format_test: password "smeg", salt 0A58CF64530D823F, id 1, 1 iteration, 24 bytes
    const key = pkcs12Kdf(bmpPassword('smeg'), Buffer.from('0A58CF64530D823F', 'hex'), 1, 1, 24);
    expect(key.toString('hex').toUpperCase()).to.equal('8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3');
  });

  for (const encryption of ['modern', 'legacy'] as const) for (const [name, pki] of [['RSA', () => rsa], ['EC', () => ec]] as const)
    it(`writes a ${encryption} PFX with an ${name} key that openssl reads and we read back`, async () => {
      const { leaf, issuing, root, leafKey } = pki();
      const pfx = writePkcs12({ privateKey: leafKey.privateKey, certificates: [leaf, issuing, root], password: 'Pa$$w0rd', encryption, friendlyName: 'pool1' });
      const path = join(dir.path, `${encryption}-${name}.pfx`);
      writeFileSync(path, pfx);
      const info = openssl(['pkcs12', '-in', path, '-passin', 'pass:Pa$$w0rd', '-info', '-nodes']);
      expect(info.ok, info.output).to.equal(true);
      expect(info.output).to.contain(encryption === 'modern' ? 'MAC: sha256' : 'MAC: sha1')
        .and.contain(encryption === 'modern' ? 'AES-256-CBC' : 'pbeWithSHA1And3-KeyTripleDES-CBC').and.contain('friendlyName: pool1');
      const back = await readPkcs12(pfx, 'Pa$$w0rd');
      expect(back.certificates.map(thumbprintOf)).to.deep.equal([leaf, issuing, root].map(thumbprintOf));
      expect(back.privateKey!.export({ type: 'pkcs8', format: 'pem' })).to.equal(leafKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      expect(back.friendlyName).to.equal('pool1');
    });

  const variants: [string, string[]][] = [
    ['OpenSSL 3 default (AES-256, SHA-256 MAC)', []],
    ['3DES with a SHA-1 MAC', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']],
    ['unencrypted certificates', ['-certpbe', 'NONE']],
    ['OpenSSL 1.x legacy (RC2-40 certificates)', ['-legacy']],
  ];
  for (const [variant, args] of variants) it(`reads a PFX openssl wrote: ${variant}`, async function () {
    const dirPath = dir.path;
    const key = join(dirPath, 'k.pem');
    writeFileSync(key, rsa.leafKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const leaf = writePem(dirPath, 'leaf.pem', rsa.leaf), chain = writePem(dirPath, 'chain.pem', rsa.issuing);
    const out = join(dirPath, 'o.pfx');
    const made = openssl(['pkcs12', '-export', '-in', leaf, '-inkey', key, '-certfile', chain, '-out', out, '-passout', 'pass:secret', ...args]);
    if (!made.ok && args.includes('-legacy') && !process.env.CI) this.skip();   // no legacy provider installed (CI has it: there it fails)
    expect(made.ok, made.output).to.equal(true);
    const contents = await readPkcs12(readFileSync(out), 'secret');
    expect(contents.certificates.map(thumbprintOf)).to.deep.equal([thumbprintOf(rsa.leaf), thumbprintOf(rsa.issuing)]);
    expect(contents.privateKey?.asymmetricKeyType).to.equal('rsa');
  });

  it('reads a 3DES PFX at 300,000 iterations with a non-ASCII password, and refuses a wrong one', async () => {
    // Each chain of the PKCS#12 KDF runs on a worker thread at this count: 7 of them, side by side.
    const key = join(dir.path, 'k3.pem');
    writeFileSync(key, rsa.leafKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const out = join(dir.path, 'iter-3des.pfx'), password = 'Pässwörd-€-1';
    const made = openssl(['pkcs12', '-export', '-in', writePem(dir.path, 'l3.pem', rsa.leaf), '-inkey', key, '-certfile', writePem(dir.path, 'c3.pem', rsa.issuing),
      '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1', '-iter', '300000', '-out', out, '-passout', `pass:${password}`]);
    expect(made.ok, made.output).to.equal(true);
    const contents = await readPkcs12(readFileSync(out), password);
    expect(contents.certificates.map(thumbprintOf)).to.deep.equal([thumbprintOf(rsa.leaf), thumbprintOf(rsa.issuing)]);
    expect(contents.privateKey!.export({ type: 'pkcs8', format: 'pem' })).to.equal(rsa.leafKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(await readPkcs12(readFileSync(out), 'Passwörd-€-1').then(() => 'none', (error: CertError) => error.code)).to.equal('WrongPassword');
  });

  it('reports a wrong password as WrongPassword', async () => {
    const pfx = writePkcs12({ privateKey: ec.leafKey.privateKey, certificates: [ec.leaf], password: 'right' });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'none', (error: CertError) => error.code);
    expect(await codeOf(readPkcs12(pfx, 'wrong'))).to.equal('WrongPassword');
    expect(await codeOf(readPkcs12(Buffer.from('garbage'), 'x'))).to.equal('Malformed');
  });
});

describe('certificate files by content', () => {
  let pki: Pki;
  before(async () => { pki = await makePki(); });
  const cases: [string, () => Buffer, string, number][] = [
    ['a PEM chain', () => Buffer.from(certificatesToPem([pki.leaf, pki.issuing])), 'pem', 2],
    ['a DER certificate', () => pki.leaf, 'der', 1],
    ['a DER .p7b', () => writePkcs7([pki.leaf, pki.issuing, pki.root]), 'pkcs7', 3],
    ['a PEM .p7b', () => Buffer.from(`-----BEGIN PKCS7-----\n${writePkcs7([pki.root]).toString('base64')}\n-----END PKCS7-----\n`), 'pkcs7', 1],
    ['a PFX', () => writePkcs12({ certificates: [pki.leaf], password: 'x' }), 'pkcs12', 0],
  ];
  for (const [what, bytes, kind, count] of cases) it(`recognises ${what}`, () => {
    const bundle = readBundle(bytes());
    expect(bundle.kind).to.equal(kind);
    expect(bundle.certificates).to.have.length(count);
  });
  it('writes a .p7b openssl reads', () => {
    const result = openssl(['pkcs7', '-inform', 'DER', '-print_certs', '-noout'], writePkcs7([pki.leaf, pki.root]));
    expect(result.ok, result.output).to.equal(true);
    expect(result.output).to.contain('subject=CN = pool1.litwareinc.com');
  });
  it('refuses a file that is none of these as Malformed', () => {
    expect(() => readBundle(Buffer.from('hello'))).to.throw(CertError).with.property('code', 'Malformed');
  });
});

describe('the PKCS#12 key derivation\'s hash chains', () => {
  it('refuses a file that asks for more iterations in all than its budget, counting each output block and each derivation once', async () => {
    const password = new Pkcs12Password('pw', 8);
    await password.pkcs12Key(password.candidates[0]!, Buffer.from('salt'), 1, 2, 24);   // a 3DES key: two SHA-1 blocks, 4
    await password.pkcs12Key(password.candidates[0]!, Buffer.from('salt'), 1, 2, 24);   // the same derivation, shared: still 4
    await password.pbkdf2(Buffer.from('salt'), 4, 32, 'sha256');   // 8 in all
    const refused = await password.pbkdf2(Buffer.from('other salt'), 1, 32, 'sha256').catch((e) => e);
    expect(refused).to.be.instanceOf(CertError).with.property('code', 'Unsupported');
    expect(refused.message).to.include('more than 8 key-derivation iterations in all');
  });

  /** The chain the slow way: one crypto.hash call per round. */
  const chain = (algorithm: string, digest: Buffer, rounds: number) => {
    let value = digest;
    for (let round = 0; round < rounds; round++) value = hash(algorithm, value, 'buffer');
    return value;
  };
  // Short runs use crypto.hash until WORTH_COMPILING rounds have run written out; then every run is.
  for (const algorithm of ['sha1', 'sha256', 'sha512']) it(`iterates ${algorithm} as crypto.hash does, before and after the written-out code takes over`, () => {
    const start = hash(algorithm, algorithm, 'buffer');
    for (const rounds of [0, 1, 17, WORTH_COMPILING + 1, 1, 2, 300])
      expect(iterateHash(algorithm, start, rounds).toString('hex'), `${rounds} rounds`).to.equal(chain(algorithm, start, rounds).toString('hex'));
  });

  // One round more than the threshold: the first digest is made here, the rest of the chain on a worker.
  const iterations = OFF_THREAD_ROUNDS + 1;
  const cases: [string, string, number, number, string][] = [
    ['a 3DES key (two chains, the second from the first)', 'Pässwörd-€-1', 1, 24, 'sha1'],
    ['a SHA-256 MAC key from an empty password', '', 3, 32, 'sha256'],
  ];
  for (const [what, text, id, length, algorithm] of cases) it(`derives ${what} on a worker thread as on this one`, async () => {
    const password = bmpPassword(text), salt = Buffer.from('CF1B5BAFC80120E6', 'hex');
    const offThread = await pkcs12KdfOffThread(password, salt, id, iterations, length, algorithm);
    expect(workerState()).to.deep.include({ failed: false }).and.have.property('workers').above(0);
    expect(offThread.toString('hex')).to.equal(pkcs12Kdf(password, salt, id, iterations, length, algorithm).toString('hex'));
  });
});
