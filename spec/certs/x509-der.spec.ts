import { expect } from 'chai';
import * as der from '../../lib/certs/x509/der.js';

const hex = (buffer: Buffer) => buffer.toString('hex');

describe('x509 DER writer', () => {
  const lengths: [number, string][] = [[0, '0400'], [127, '047f'], [128, '048180'], [255, '0481ff'], [256, '04820100'], [65535, '0482ffff'], [65536, '0483010000']];
  for (const [length, header] of lengths) it(`writes a ${length}-byte element with the minimal length header ${header}`, () => {
    const element = der.octetString(Buffer.alloc(length, 0xab));
    expect(hex(element.subarray(0, header.length / 2))).to.equal(header);
    expect(element.length).to.equal(header.length / 2 + length);
  });

  it('nests children in order and sorts a SET OF by encoding', () => {
    expect(hex(der.sequence(der.integer(1), der.nullValue(), der.boolean(true)))).to.equal('3008020101050001' + '01ff');
    expect(hex(der.set(der.integer(2), der.integer(1)))).to.equal('3106020101020102');
  });

  const integers: [string, string][] = [['00', '020100'], ['0000ff', '020200ff'], ['7f', '02017f'], ['80', '02020080'], ['000102', '02020102']];
  for (const [bytes, encoded] of integers) it(`writes the unsigned integer ${bytes} as ${encoded}`, () => {
    expect(hex(der.unsignedInteger(Buffer.from(bytes, 'hex')))).to.equal(encoded);
  });

  it('writes an OID the same every time it is asked (shared encodings)', () => {
    expect(hex(der.oid('1.2.840.113549.1.1.11'))).to.equal('06092a864886f70d01010b');
    expect(hex(der.oid('1.2.840.113549.1.1.11'))).to.equal('06092a864886f70d01010b');
    expect(der.readOid(der.read(der.oid('2.5.29.17')))).to.equal('2.5.29.17');
  });

  // OpenSSL's encodings: openssl asn1parse -genstr 'OID:2.999.3' (and 2.40.1).
  const arcsPast79: [string, string][] = [['2.999.3', '0603883703'], ['2.40.1', '06027801'], ['2.47.1', '06027f01']];
  for (const [dotted, encoded] of arcsPast79) it(`writes and reads ${dotted}, whose first subidentifier is 80 or more, as ${encoded}`, () => {
    expect(hex(der.oid(dotted))).to.equal(encoded);
    expect(der.readOid(der.read(Buffer.from(encoded, 'hex')))).to.equal(dotted);
  });

  const times: [string, string][] = [
    ['1950-01-01T00:00:00Z', '170d3530303130313030303030305a'],
    ['2049-12-31T23:59:59.999Z', '170d3439313233313233353935395a'],
    ['2050-01-01T00:00:00Z', '180f32303530303130313030303030305a'],
    ['1949-12-31T23:59:59Z', '180f31393439313233313233353935395a'],
    ['0999-03-04T05:06:07Z', '180f30393939303330343035303630375a'],
  ];
  for (const [iso, encoded] of times) it(`writes ${iso} as ${encoded.startsWith('17') ? 'UTCTime' : 'GeneralizedTime'}, to the second`, () => {
    expect(hex(der.time(new Date(iso)))).to.equal(encoded);
  });
});
