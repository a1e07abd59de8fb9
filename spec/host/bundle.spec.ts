import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the built bundle (dist/cscert-main.cjs)', () => {
  it('is plain ASCII, so V8 keeps its megabyte of source as one-byte text at every start', () => {
    // One '→' in a kept comment made the loader read the whole bundle as a two-byte string: ~5% of
    // `cscert -c 1+1` (valgrind). esbuild escapes non-ASCII in code, not in the comments it keeps.
    const bundle = readFileSync(join(import.meta.dirname, '../../dist/cscert-main.cjs'), 'utf8');
    const lines = bundle.split('\n').map((text, i) => ({ line: i + 1, text })).filter(({ text }) => /[^\x00-\x7f]/.test(text));
    expect(lines.map(({ line, text }) => `${line}: ${text.trim().slice(0, 80)}`)).to.deep.equal([]);
  });
});
