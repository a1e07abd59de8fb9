import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromPem, toPem } from '../../lib/certs/x509/pem-text.js';
import { makeLeaf, tempDir } from './helpers.js';

describe('toPem', () => {
  const dir = tempDir();
  after(() => dir.remove());

  it('writes the armour byte for byte as openssl does (64-character lines, a final newline)', async () => {
    const { der } = await makeLeaf('pem.example');
    const derPath = join(dir.path, 'leaf.der');
    writeFileSync(derPath, der);
    expect(toPem('CERTIFICATE', der)).to.equal(execFileSync('openssl', ['x509', '-inform', 'DER', '-in', derPath], { encoding: 'utf8' }));
  });

  for (const size of [1, 47, 48, 49, 96, 97]) it(`round-trips ${size} bytes with lines of at most 64 characters`, () => {
    const der = Buffer.alloc(size, 0xa5);
    const pem = toPem('TEST', der);
    expect(pem.split('\n').every((line) => line.length <= 64 || line.startsWith('-----'))).to.equal(true);
    expect(fromPem(pem, 'TEST')).to.deep.equal(der);
  });
});
