import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCertificate } from '../../../lib/certs/x509/certificate.js';
import { generateKey, spkiDer } from '../../../lib/certs/x509/keys.js';
import { encodeName } from '../../../lib/certs/x509/names.js';
import { OID } from '../../../lib/certs/x509/oids.js';
import { toPem } from '../../../lib/certs/x509/pem-text.js';
import { validateWithFetch } from '../../../lib/certs/validation/aia-fetch.js';
import type { ValidationInput } from '../../../lib/certs/validation/validate.js';
import { JAN_2030, makePki, type Pki } from '../helpers.js';

// A real http server on 127.0.0.1 publishes the issuing CA, as a CA's AIA "CA Issuers" URL does.
describe('AIA fetching of missing intermediates', () => {
  let pki: Pki;
  let server: Server;
  let base: string;
  const leafFor = async (path: string) => {
    const key = await generateKey({ alg: 'ECDH_P256' });
    return createCertificate({ subjectDer: encodeName({ commonName: 'pool1.litwareinc.com' }), spki: spkiDer(key.publicKey),
      issuer: { subjectDer: encodeName({ commonName: 'Test Issuing CA', organization: 'Litware' }), spki: spkiDer(pki.issuingKey.publicKey), privateKey: pki.issuingKey.privateKey },
      notBefore: new Date('2029-06-01Z'), notAfter: new Date('2030-06-01Z'), sans: ['pool1.litwareinc.com'], ekus: [OID.serverAuth],
      aiaUrl: `${base}${path}` });
  };
  const input = (leaf: Buffer): ValidationInput => ({ leaf, anchors: [{ der: pki.root, source: 'Root' }], intermediates: [],
    policy: { at: JAN_2030, serverAuth: true } });

  before(async () => {
    pki = await makePki();
    server = createServer((request, response) => {
      if (request.url === '/issuing.cer') { response.end(pki.issuing); return; }
      if (request.url === '/issuing.pem') { response.end(toPem('CERTIFICATE', pki.issuing)); return; }
      if (request.url === '/huge') { response.end(Buffer.alloc(300 * 1024)); return; }
      response.statusCode = 404; response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  for (const path of ['/issuing.cer', '/issuing.pem']) it(`fetches the intermediate served at ${path} when allowed`, async () => {
    const result = await validateWithFetch(input(await leafFor(path)), { allowFetch: true });
    expect(result.valid).to.equal(true);
    expect(result.chain.map((l) => [l.status, l.source])).to.deep.equal([['Present', 'Leaf'], ['Present', 'Fetched'], ['Trusted', 'Root']]);
  });

  it('without permission reports the intermediate missing and the URL that would supply it', async () => {
    const result = await validateWithFetch(input(await leafFor('/issuing.cer')), { allowFetch: false });
    expect(result.valid).to.equal(false);
    expect(result.chain.map((l) => l.status)).to.deep.equal(['Present', 'Missing']);
    expect(result.problems[0]).to.include({ rule: 'MissingIntermediate', subject: 'CN=Test Issuing CA, O=Litware' });
    expect(result.problems.at(-1)!.message).to.contain(`${base}/issuing.cer`).and.contain('-AllowFetch');
  });

  const failures: [string, RegExp][] = [['/missing', /answered 404/], ['/huge', /larger than/]];
  for (const [path, why] of failures) it(`keeps the intermediate missing when ${path} cannot supply it, saying why`, async () => {
    const result = await validateWithFetch(input(await leafFor(path)), { allowFetch: true });
    expect(result.valid).to.equal(false);
    expect(result.problems.find((p) => p.severity === 'Warning')!.message).to.match(why);
  });
});
