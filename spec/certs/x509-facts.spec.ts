// parseCertificate reads a certificate's facts with our DER reader (certificate-facts.ts) and asks
// X509Certificate only where that reader cannot be sure. The oracle is the X509Certificate-based
// reading parseCertificate used before: for every certificate of the corpora (read in place) and
// ones we issue, both must give the same facts.

import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CertError } from '../../lib/certs/errors.js';
import { readPkcs12 } from '../../lib/certs/index.js';
import { createCertificate, tbsParts } from '../../lib/certs/x509/certificate.js';
import { readCertificateFacts } from '../../lib/certs/x509/certificate-facts.js';
import * as der from '../../lib/certs/x509/der.js';
import { decodeSubjectAltName } from '../../lib/certs/x509/extensions.js';
import { describeKey, generateKey, spkiDer, type KeyAlgorithm } from '../../lib/certs/x509/keys.js';
import { commonNameOf, encodeName, formatName } from '../../lib/certs/x509/names.js';
import { OID } from '../../lib/certs/x509/oids.js';
import { parseCertificate, thumbprintOf, type CertificateInfo } from '../../lib/certs/x509/parse.js';
import { pemBlocks } from '../../lib/certs/x509/pem-text.js';
import { makePki } from './helpers.js';

const CORPORA = resolve(import.meta.dirname, '../../../shared/corpora');

/** parseCertificate's reading before the DER reader: everything but names and SANs from X509Certificate. */
function oracle(certificateDer: Buffer): CertificateInfo {
  const x509 = new X509Certificate(certificateDer);
  const parts = tbsParts(certificateDer);
  let san: der.Node[] | undefined;
  for (const extension of parts.extensions ? der.children(parts.extensions) : []) {
    san = der.children(extension);
    if (der.readOid(san[0]!) === OID.subjectAltName) break;
    san = undefined;
  }
  const [, algorithm] = der.children(der.read(certificateDer));
  const key = describeKey(x509.publicKey);
  return {
    thumbprint: thumbprintOf(certificateDer), subject: formatName(parts.subject), issuer: formatName(parts.issuer),
    commonName: commonNameOf(parts.subject), serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: new Date(x509.validFrom), notAfter: new Date(x509.validTo),
    sans: san ? decodeSubjectAltName(san[san.length - 1]!.content) : [], ekus: x509.keyUsage ?? [],
    keyAlgorithm: key.alg, keySize: key.size, isCA: x509.ca,
    selfSigned: parts.subject.raw.equals(parts.issuer.raw) && x509.checkIssued(x509),
    signatureAlgorithm: der.readOid(der.children(algorithm!)[0]!),
  };
}

/** Comparable facts (an unreadable date is NaN, which deep equality never matches), or the error. */
function outcome(read: () => CertificateInfo): unknown {
  try {
    const info = read();
    return { ...info, notBefore: String(info.notBefore.getTime()), notAfter: String(info.notAfter.getTime()) };
  } catch (error) { return { error: (error as Error).message }; }
}

/** Compares every certificate OpenSSL accepts; returns how many the DER reader answered alone. */
function compareAll(certificates: Buffer[]): number {
  let readAlone = 0;
  for (const certificate of new Map(certificates.map((c) => [thumbprintOf(c), c])).values()) {
    try { new X509Certificate(certificate); } catch { continue; }   // refused natively: toX509's business
    const expected = outcome(() => oracle(certificate));
    const fast = readCertificateFacts(certificate, thumbprintOf(certificate));
    if (fast) { readAlone++; expect(outcome(() => fast), thumbprintOf(certificate)).to.deep.equal(expected); }
    expect(outcome(() => parseCertificate(certificate)), thumbprintOf(certificate)).to.deep.equal(expected);
  }
  return readAlone;
}

const pemCertificates = (path: string) => existsSync(path)
  ? pemBlocks(readFileSync(path, 'utf8')).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der) : [];

describe('x509 certificate facts', () => {
  it('reads every x509-limbo certificate as X509Certificate does, most leaves without it', function () {
    const cases = join(CORPORA, 'x509-limbo', 'cases');
    expect(existsSync(cases), `${cases}: the corpora are read in place from ../shared`).to.equal(true);
    const certificates = readdirSync(cases).flatMap((name) =>
      ['leaf.pem', 'trusted.pem', 'untrusted.pem'].flatMap((file) => pemCertificates(join(cases, name, file))));
    expect(certificates.length).to.be.greaterThan(800);
    expect(compareAll(certificates)).to.be.at.least(150);
  });

  it('reads the PKCS#12 corpus certificates (Windows, Java, OpenSSL, pyca) as X509Certificate does', async function () {
    const corpus = join(CORPORA, 'pkcs12');
    expect(existsSync(corpus), `${corpus}: the corpora are read in place from ../shared`).to.equal(true);
    // The files that hold the corpus's distinct certificates, each quick to open.
    const files: [string, string][] = [['made-here/openssl/openssl-chain.pfx', 'Corpus-Pfx-2026!'], ['made-here/openssl/openssl-ec-p256.pfx', 'Corpus-Pfx-2026!'],
      ['made-here/java/java17-keytool-genkeypair-ec.p12', 'Corpus-Pfx-2026!'], ['third-party/golang-crypto/go-windows-azure-tools.pfx', ''],
      ['third-party/golang-crypto/go-windows-ias-peap-ldaps.pfx', ''], ['third-party/dotnet-runtime/dotnet-pfxdata-rc2.pfx', ''],
      ['third-party/dotnet-runtime/dotnet-mscert-nullpw.pfx', ''], ['third-party/pyca-cryptography/cert-aes256cbc-no-key.p12', 'cryptography'],
      ['third-party/pyca-cryptography/name-1-no-pwd.p12', '']];
    const passwords = new Map<string, string>(JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')).files
      .map((entry: { file: string; password: string }) => [entry.file, entry.password]));
    const certificates = [...readdirSync(join(corpus, 'made-here', 'pki')).filter((f) => f.endsWith('.pem'))
      .flatMap((f) => pemCertificates(join(corpus, 'made-here', 'pki', f)))];
    for (const [file] of files) certificates.push(...(await readPkcs12(readFileSync(join(corpus, file)), passwords.get(file)!)).certificates);
    expect(compareAll(certificates)).to.be.at.least(4);
  });

  it('reads what we issue (every key algorithm, IP SANs, clientAuth) as X509Certificate does, every leaf without it', async () => {
    const leaves: Buffer[] = [], others: Buffer[] = [];
    for (const alg of ['RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521'] as KeyAlgorithm[]) {
      const pki = await makePki({ leafAlg: alg, caAlg: alg, sans: ['web.litwareinc.com', '10.0.0.5', '2001:db8::1'] });
      leaves.push(pki.leaf);
      others.push(pki.root, pki.issuing);
      const key = await generateKey({ alg });
      leaves.push(createCertificate({ subjectDer: encodeName({ commonName: 'client.litwareinc.com', country: 'US' }), spki: spkiDer(key.publicKey),
        notBefore: new Date('1999-12-31T23:59:59Z'), notAfter: new Date('2050-01-01T00:00:00Z'),
        issuer: { subjectDer: tbsParts(pki.issuing).subject.raw, spki: tbsParts(pki.issuing).spki.raw, privateKey: pki.issuingKey.privateKey },
        ekus: [OID.serverAuth, OID.clientAuth], serial: Buffer.from([0, 0x80, 1]) }));
    }
    expect(compareAll(leaves), 'leaves read by the DER reader alone').to.equal(leaves.length);
    expect(compareAll(others), 'CA certificates left to X509Certificate').to.equal(0);
  });

  const malformed: [string, Buffer][] = [['an empty buffer', Buffer.alloc(0)], ['text', Buffer.from('not a certificate')],
    ['a truncated SEQUENCE', Buffer.from([0x30, 0x82, 0x01, 0x00, 0x30])]];
  for (const [name, bytes] of malformed) it(`refuses ${name} as Malformed`, () => {
    expect(() => parseCertificate(bytes)).to.throw(CertError).with.property('code', 'Malformed');
  });
});
