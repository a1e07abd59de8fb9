import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastLoggedId, loggedRecord, loggedRecords, logLine, removalLine } from '../../lib/certs/store/record-log.js';
import { tempDir } from './helpers.js';

describe('record log', () => {
  const log = (...lines: string[]) => Buffer.from(lines.join(''));
  const a = { id: 1, note: 'mentions {"id":2,"x":1} in a string' }, b = { id: 2, note: 'b' }, c = { id: '3', note: 'c' };

  it('finds a record by the id its line opens with, not by text inside another record', () => {
    const text = log(logLine(a), logLine(b), logLine(c));
    expect(loggedRecord(text, 2)).to.deep.equal(b);
    expect(loggedRecord(text, '3')).to.deep.equal(c);
    expect(loggedRecord(text, 3)).to.equal(undefined);   // ids keep their type: the CA's are strings
  });

  it('leaves out records removed by a later line, and a last line torn by a crash', () => {
    const text = log(logLine(a), logLine(b), removalLine(1), logLine({ id: 4, note: 'd' }).slice(0, 9));
    expect(loggedRecords(text)).to.deep.equal([b]);
    expect(loggedRecord(text, 1)).to.equal(undefined);
    expect(loggedRecord(text, 4)).to.equal(undefined);
  });

  it('reads the last id from the end of the file, whatever the length of the lines before it', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'log.jsonl');
      expect(lastLoggedId(path)).to.equal(0);
      writeFileSync(path, log(...Array.from({ length: 20 }, (_, i) => logLine({ id: i + 1, pad: 'x'.repeat(3000) })), removalLine(20)));
      expect(lastLoggedId(path)).to.equal(20);
      writeFileSync(path, log(logLine(a), logLine(c)));
      expect(lastLoggedId(path)).to.equal(3);
    } finally { dir.remove(); }
  });
});
