import { expect } from 'chai';
import { buildCsr, parseCsr } from '../../lib/certs/x509/csr.js';
import { generateKey } from '../../lib/certs/x509/keys.js';

describe('buildCsr', () => {
  // An in-process CA takes buildCsr's answer instead of parsing the CSR: the two must agree.
  for (const [alg, clientEku, sans] of [['ECDH_P256', false, ['pool1.litwareinc.com', 'sip.litwareinc.com']], ['RSA', true, ['10.0.0.1', 'a.example']],
    ['ECDH_P384', false, []]] as const) it(`gives what parseCsr reads back from its DER (${alg}${clientEku ? ', client EKU' : ''}, ${sans.length} SANs)`, async () => {
    const keyPair = await generateKey({ alg, size: 2048 });
    const built = buildCsr({ keyPair, sans: [...sans], clientEku, subject: { commonName: 'pool1.litwareinc.com', organization: 'Litware', country: 'US' } });
    const { publicKey, ...parsed } = parseCsr(built.der);
    const { publicKey: builtKey, ...rest } = built;
    expect(rest).to.deep.equal(parsed);
    expect(builtKey.equals(publicKey)).to.equal(true);
  });
});
