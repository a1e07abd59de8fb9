import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { modelCertificate, namesEqual } from '../../../lib/certs/validation/certificate-model.js';
import { encodeName } from '../../../lib/certs/x509/names.js';
import { pemBlocks } from '../../../lib/certs/x509/pem-text.js';

const LIMBO_CASES = resolve(import.meta.dirname, '../../../../shared/corpora/x509-limbo/cases');

/** What the model said of a key when it asked X509Certificate: undefined when OpenSSL cannot decode the key. */
function nativeKeyFacts(der: Buffer) {
  try {
    const key = new X509Certificate(der).publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    return { type: String(key.asymmetricKeyType), bits: details.modulusLength ?? 0, curve: details.namedCurve };
  } catch { return undefined; }
}

describe('certificate model', () => {
  it('reports the key of every x509-limbo certificate as X509Certificate does', function () {
    expect(existsSync(LIMBO_CASES), `${LIMBO_CASES}: the corpora are read in place from ../shared`).to.equal(true);
    const certificates = readdirSync(LIMBO_CASES).flatMap((name) => ['leaf.pem', 'trusted.pem', 'untrusted.pem']
      .flatMap((file) => existsSync(join(LIMBO_CASES, name, file)) ? pemBlocks(readFileSync(join(LIMBO_CASES, name, file), 'utf8')).map((b) => b.der) : []));
    expect(certificates.length).to.be.greaterThan(800);
    for (const der of certificates) {
      const model = modelCertificate(der);
      expect(model.key, model.thumbprint).to.deep.equal(nativeKeyFacts(der));
      if (!model.key) expect(model.defects, model.thumbprint).to.not.be.empty;
    }
  });

  describe('namesEqual', () => {
    const cases: [string, Buffer, Buffer, boolean][] = [
      ['the same encoding', encodeName({ commonName: 'Root', organization: 'Litware' }), encodeName({ commonName: 'Root', organization: 'Litware' }), true],
      ['names differing only in case and spacing', encodeName({ commonName: 'Litware  Root' }), encodeName({ commonName: 'litware root' }), true],
      ['different names', encodeName({ commonName: 'Root' }), encodeName({ commonName: 'Root', organization: 'Litware' }), false],
      ['an unreadable name', encodeName({ commonName: 'Root' }), Buffer.from([0x30, 0x03, 0x31, 0x01]), false],
    ];
    for (const [situation, a, b, equal] of cases) it(`${equal ? 'matches' : 'does not match'} ${situation}`, () => {
      expect(namesEqual(a, b)).to.equal(equal);
    });
  });
});
