// Malformed and hostile certificate files through the import path Import-CsCertificate and
// Set-CsCertificate -Path take: each ends in a CertError with a clear code (or an import with a
// warning where a careful tool accepts the file), the parser gives up early (depth and length
// limits, a size cap), and a refused file leaves the store byte for byte as it was.

import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertAssignable, importCertificates, openStore, parseCsr, type Store } from '../../lib/certs/index.js';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { MAX_CERTIFICATE_FILE_BYTES } from '../../lib/certs/x509/certificate-file.js';
import { createCsr } from '../../lib/certs/x509/csr.js';
import * as der from '../../lib/certs/x509/der.js';
import { spkiDer } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { writePkcs7 } from '../../lib/certs/x509/pem.js';
import { writePkcs12 } from '../../lib/certs/x509/pkcs12.js';
import { cleanEnv, runCli, tempDir as cliTempDir } from '../support/cli.js';
import { testHost } from '../support/test-host.js';
import { makePki, openssl, snapshot, tempDir, type Pki } from '../certs/helpers.js';

/** The certificates made here are dated from the real clock (openssl dates them so too). */
const NOW = new Date();
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

/** What a case must end in: a CertError code, or an import (with warnings matching, if given). */
type Outcome = { code: string; message?: RegExp } | { imports: number; warning?: RegExp };
interface Case { what: string; file: string; bytes: () => Buffer; password?: string; outcome: Outcome; assign?: string }

/** A SEQUENCE inside a SEQUENCE, `depth` times: definite lengths, or BER's indefinite ones. */
function nested(depth: number, indefinite: boolean): Buffer {
  if (indefinite) return Buffer.concat([Buffer.alloc(depth, 0).fill(Buffer.from([0x30, 0x80])), Buffer.alloc(depth * 2)]);
  let inner = der.sequence();
  for (let i = 1; i < depth; i++) inner = der.sequence(inner);
  return inner;
}

describe('bad input to import', function () {
  this.timeout(60_000);
  const work = tempDir('cscert-bad-');
  let pki: Pki;
  let weak: { md5: string; sha1: string; root: string };
  const leafPem = () => toPem('CERTIFICATE', pki.leaf);

  /** A leaf under our test root with the given validity or key, with its key, and the chain to import first. */
  const leafWith = (options: { notBefore?: Date; notAfter?: Date; rsaBits?: number }) => {
    const key = options.rsaBits ? generateKeyPairSync('rsa', { modulusLength: options.rsaBits }) : pki.leafKey;
    const certificate = createCertificate({ subjectDer: encodeName({ commonName: 'pool1.litwareinc.com' }), spki: spkiDer(key.publicKey),
      issuer: { subjectDer: encodeName({ commonName: 'Test Issuing CA', organization: 'Litware' }), spki: spkiDer(pki.issuingKey.publicKey),
        privateKey: pki.issuingKey.privateKey },
      notBefore: options.notBefore ?? days(-1), notAfter: options.notAfter ?? days(300), sans: ['pool1.litwareinc.com'], ekus: ['1.3.6.1.5.5.7.3.1'] });
    return Buffer.from(toPem('CERTIFICATE', certificate) + String(key.privateKey.export({ type: 'pkcs8', format: 'pem' })));
  };

  before(async () => {
    pki = await makePki({ leafAlg: 'ECDH_P256', now: NOW });
    // MD5 and SHA-1 signatures need an RSA CA and a signer that still makes them: openssl.
    const path = (name: string) => join(work.path, name);
    const run = (args: string[]) => { const r = openssl(args); if (!r.ok) throw new Error(r.output); };
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('root.key'), '-out', path('root.pem'), '-subj', '/CN=Weak Test Root', '-days', '30']);
    run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('leaf.key'), '-out', path('leaf.csr'), '-subj', '/CN=pool1.litwareinc.com']);
    writeFileSync(path('server.ext'), 'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:pool1.litwareinc.com\n');
    for (const hash of ['md5', 'sha1']) run(['x509', '-req', '-in', path('leaf.csr'), '-CA', path('root.pem'), '-CAkey', path('root.key'),
      '-set_serial', '7', `-${hash}`, '-days', '30', '-extfile', path('server.ext'), '-out', path(`${hash}.pem`)]);
    const withKey = (hash: string) => readFileSync(path(`${hash}.pem`), 'utf8') + readFileSync(path('leaf.key'), 'utf8');
    weak = { md5: withKey('md5'), sha1: withKey('sha1'), root: readFileSync(path('root.pem'), 'utf8') };
  });
  after(() => work.remove());

  const pfx = () => writePkcs12({ privateKey: pki.leafKey.privateKey, certificates: [pki.leaf], password: 'secret' });
  const cases: Case[] = [
    { what: 'a truncated PEM certificate', file: 'cut.pem', bytes: () => Buffer.from(leafPem().slice(0, 300)), outcome: { code: 'Malformed', message: /no END line/ } },
    { what: 'a PEM block whose END label differs', file: 'label.pem', bytes: () => Buffer.from(leafPem().replace('END CERTIFICATE', 'END PRIVATE KEY')), outcome: { code: 'Malformed', message: /ends as/ } },
    { what: 'a request labelled CERTIFICATE', file: 'mislabelled.cer', bytes: () => Buffer.from(toPem('CERTIFICATE', createCsr({ subject: { commonName: 'x' }, sans: [], keyPair: pki.leafKey }))), outcome: { code: 'Malformed', message: /certificate 1 is not a valid X\.509/ } },
    { what: 'a certificate under a PRIVATE KEY label', file: 'key.pem', bytes: () => Buffer.from(toPem('PRIVATE KEY', pki.leaf)), outcome: { code: 'Malformed', message: /private key that cannot be read/ } },
    { what: 'bytes that are not base64 inside a PEM block', file: 'junk.pem', bytes: () => Buffer.from('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'), outcome: { code: 'Malformed', message: /base64/ } },
    { what: 'DER garbage', file: 'garbage.der', bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), outcome: { code: 'Malformed' } },
    { what: 'an ASN.1 length of 0xFFFFFFFF', file: 'length.der', bytes: () => Buffer.from('3084ffffffff020103', 'hex'), outcome: { code: 'Malformed', message: /runs past the end/ } },
    { what: 'a length field of nine bytes', file: 'long-length.der', bytes: () => Buffer.from('3089ffffffffffffffffff00', 'hex'), outcome: { code: 'Malformed', message: /a length of 9 bytes/ } },
    { what: '10,000 nested SEQUENCEs', file: 'deep.der', bytes: () => nested(10_000, false), outcome: { code: 'Malformed' } },
    { what: '10,000 nested indefinite-length SEQUENCEs', file: 'deep.p7b', bytes: () => nested(10_000, true), outcome: { code: 'Malformed', message: /nested more than 64/ } },
    { what: 'a PEM chain with a UTF-8 BOM and CRLF line ends', file: 'bom.pem', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from((leafPem() + toPem('CERTIFICATE', pki.issuing)).replace(/\n/g, '\r\n'))]), outcome: { imports: 2 } },
    { what: 'a PEM certificate saved by Notepad as UTF-16', file: 'unicode.cer', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(leafPem(), 'utf16le')]), outcome: { imports: 1 } },
    { what: 'PEM in a .der file', file: 'pem.der', bytes: () => Buffer.from(leafPem()), outcome: { imports: 1 } },
    { what: 'DER in a .pem file', file: 'der.pem', bytes: () => pki.leaf, outcome: { imports: 1 } },
    { what: 'a PFX renamed .cer, without its password', file: 'renamed.cer', bytes: pfx, outcome: { code: 'WrongPassword', message: /is a PFX file protected by a password/ } },
    { what: 'a PFX renamed .cer, with its password', file: 'renamed.cer', bytes: pfx, password: 'secret', outcome: { imports: 1 } },
    { what: 'a PFX whose MAC was altered', file: 'mac.pfx', password: 'secret', outcome: { code: 'Malformed', message: /MAC does not match although the password decrypts/ },
      bytes: () => { const bytes = pfx(); bytes[bytes.length - 30] ^= 0xff; return bytes; } },
    { what: 'a PFX asking for 2^31 iterations', file: 'slow.pfx', password: 'secret', outcome: { code: 'Unsupported', message: /iterations/ },
      bytes: () => withMacIterations(pfx(), 2 ** 31 - 1) },
    { what: 'an empty file', file: 'empty.cer', bytes: () => Buffer.alloc(0), outcome: { code: 'Malformed', message: /is empty/ } },
    { what: 'a 20 MiB file', file: 'huge.pem', bytes: () => Buffer.alloc(20 * 1024 * 1024, 0x41), outcome: { code: 'Malformed', message: /at most 16 MiB/ } },
    { what: 'a PKCS#7 bundle without certificates', file: 'empty.p7b', bytes: () => writePkcs7([]), outcome: { code: 'InvalidArgument', message: /without certificates/ } },
    { what: 'a certificate request with a bad signature', file: 'request.csr', outcome: { code: 'InvalidArgument', message: /certificate request/ },
      bytes: () => Buffer.from(toPem('CERTIFICATE REQUEST', badCsr())) },
    { what: 'an expired certificate', file: 'expired.pem', bytes: () => leafWith({ notBefore: days(-400), notAfter: days(-10) }), outcome: { imports: 1, warning: /expired on/ }, assign: 'Expired' },
    { what: 'a certificate not yet valid', file: 'future.pem', bytes: () => leafWith({ notBefore: days(10), notAfter: days(400) }), outcome: { imports: 1, warning: /not valid before/ }, assign: 'NotYetValid' },
    { what: 'a 512-bit RSA key', file: 'rsa512.pem', bytes: () => leafWith({ rsaBits: 512 }), outcome: { imports: 1, warning: /RSA key of 512 bits/ }, assign: 'WeakCrypto' },
    { what: 'an MD5-signed certificate', file: 'md5.pem', bytes: () => Buffer.from(weak.md5), outcome: { imports: 1, warning: /signed with MD5/ }, assign: 'WeakCrypto' },
    { what: 'a SHA-1-signed certificate', file: 'sha1.pem', bytes: () => Buffer.from(weak.sha1), outcome: { imports: 1, warning: /signed with SHA-1/ }, assign: 'WeakCrypto' },
  ];

  /** The same PFX with another MAC iteration count (the MAC no longer matches; the count is refused before it is run). */
  function withMacIterations(bytes: Buffer, iterations: number): Buffer {
    const [version, authSafe, macData] = der.children(der.read(bytes));
    const [digest, salt] = der.children(macData!);
    return der.sequence(version!.raw, authSafe!.raw, der.sequence(digest!.raw, salt!.raw, der.integer(iterations)));
  }
  function badCsr(): Buffer {
    const csr = createCsr({ subject: { commonName: 'pool1.litwareinc.com' }, sans: [], keyPair: pki.leafKey });
    csr[csr.length - 5] ^= 0x01;
    return csr;
  }

  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(async () => {
    dir = tempDir();
    store = await openStore(join(dir.path, 'store'), { now: () => new Date(), storeRoot: join(dir.path, 'store') });
    await importCertificates(store, Buffer.from(toPem('CERTIFICATE', pki.root) + toPem('CERTIFICATE', pki.issuing) + weak.root));
  });
  afterEach(() => dir.remove());

  for (const c of cases) {
    const expected = 'code' in c.outcome ? `refused as ${c.outcome.code}` : `imported${c.outcome.warning ? ' with a warning' : ''}`;
    it(`${c.what} (${c.file}): ${expected}${c.assign ? `, assignment refused as ${c.assign}` : ''}`, async () => {
      const before = snapshot(store.root);
      const result = await importCertificates(store, c.bytes(), { password: c.password, source: c.file }).then(
        (imported) => ({ imported }), (error) => ({ error }));
      if ('code' in c.outcome) {
        expect(result).to.have.property('error').that.has.property('code', c.outcome.code);
        const message = (result as { error: Error }).error.message;
        expect(message).to.contain(`'${c.file}'`);
        if (c.outcome.message) expect(message).to.match(c.outcome.message);
        expect(snapshot(store.root)).to.deep.equal(before);
        return;
      }
      expect(result, String((result as { error?: Error }).error)).to.have.property('imported').with.length(c.outcome.imports);
      const [leaf] = (result as { imported: { thumbprint: string; warnings: string[] }[] }).imported;
      if (c.outcome.warning) expect(leaf!.warnings.join(' ')).to.match(c.outcome.warning);
      else expect(leaf!.warnings).to.deep.equal([]);
      if (c.assign) expect(await assertAssignable(store, leaf!.thumbprint, new Date()).then(() => 'assignable', (e) => e.code)).to.equal(c.assign);
    });
  }

  it('refuses a request with a bad signature where a request is read (the CA and the answer path)', () => {
    expect(() => parseCsr(badCsr())).to.throw().with.property('code', 'Malformed');
  });

  it('refuses a file over the size cap before parsing it', async () => {
    const justOver = Buffer.alloc(MAX_CERTIFICATE_FILE_BYTES + 1, 0x30);   // would be a deep SEQUENCE if parsed
    const error = await importCertificates(store, justOver).catch((e) => e);
    expect(error).to.have.property('code', 'Malformed');
    expect(error.message).to.match(/at most 16 MiB/);
  });

  describe('through the shell', () => {
    const shellCases: [string, string, Buffer | (() => Buffer), string][] = [
      ['Import-CsCertificate', 'cut.pem', () => Buffer.from(leafPem().slice(0, 300)), 'MalformedCertificateFile'],
      ['Import-CsCertificate', 'renamed.cer', () => pfx(), 'WrongPassword'],
      ['Import-CsCertificate', 'empty.p7b', () => writePkcs7([]), 'NoCertificateInFile'],
      ['Set-CsCertificate', 'garbage.pfx', () => Buffer.from('3084ffffffff', 'hex'), 'MalformedCertificateFile'],
      ['Set-CsCertificate', 'huge.pfx', () => Buffer.alloc(20 * 1024 * 1024), 'MalformedCertificateFile'],
    ];
    for (const [cmdlet, file, bytes, id] of shellCases) it(`${cmdlet} -Path ${file} fails with ${id} and changes nothing`, async () => {
      const host = await testHost();
      writeFileSync(join(host.dir, 'work', file), typeof bytes === 'function' ? bytes() : bytes);
      const storeDir = join(host.dir, 'store');
      await host.run('Get-CsCertificate | Out-Null');
      const before = snapshot(storeDir);
      const run = await host.run(`${cmdlet} -Path ${file}${cmdlet === 'Set-CsCertificate' ? ' -Type Default' : ''}`);
      expect(run.errors.map((e) => e.error.id)).to.deep.equal([id]);
      expect(run.stderr).to.not.match(/\n\s+at /);   // no stack trace
      expect(snapshot(storeDir)).to.deep.equal(before);
    });

    it('exits non-zero from the command line, with the error id and no stack trace', () => {
      const dir = cliTempDir();
      writeFileSync(join(dir, 'cut.pem'), leafPem().slice(0, 300));
      const result = runCli(['-c', 'Import-CsCertificate -Path cut.pem'], { cwd: dir, env: cleanEnv(dir) });
      expect(result.status).to.not.equal(0);
      expect(result.stderr).to.contain('[MalformedCertificateFile]').and.not.match(/\n\s+at /);
    });
  });
});
