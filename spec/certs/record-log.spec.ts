import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastLoggedId, loggedRecord, loggedRecordOnDisk, loggedRecords, logLine } from '../../lib/certs/store/record-log.js';
import { tempDir } from './helpers.js';

describe('record log', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => dir.remove());
  const log = (...lines: string[]) => Buffer.from(lines.join(''));
  const a = { id: 1, note: 'mentions {"id":2,"x":1} in a string' }, b = { id: 2, note: 'b' }, c = { id: '3', note: 'c' };
  /** Records 1..count with lines of uneven length (1-7 KB), as issued requests' records are. */
  const records = (count: number) => Array.from({ length: count }, (_, i) => ({ id: i + 1, pad: 'x'.repeat(1000 + ((i * 7919) % 6000)) }));

  it('finds a record by the id its line opens with, not by text inside another record', () => {
    const text = log(logLine(a), logLine(b), logLine(c));
    expect(loggedRecord(text, 2)).to.deep.equal(b);
    expect(loggedRecord(text, '3')).to.deep.equal(c);
    expect(loggedRecord(text, 3)).to.equal(undefined);   // ids keep their type: the CA's are strings
  });

  it('leaves out a last line torn by a crash', () => {
    const text = log(logLine(a), logLine(b), logLine({ id: 4, note: 'd' }).slice(0, 9));
    expect(loggedRecords(text)).to.deep.equal([a, b]);
    expect(loggedRecord(text, 4)).to.equal(undefined);
  });

  it('finds every record of a long log on disk by binary search, and none that is not there', () => {
    const path = join(dir.path, 'log.jsonl');
    const all = records(300);
    writeFileSync(path, log(...all.map(logLine), '{"id":301,"pad":"torn'));
    for (const record of all) expect(loggedRecordOnDisk(path, record.id)).to.deep.equal(record);
    for (const id of [0, 301, 302, 5000]) expect(loggedRecordOnDisk(path, id)).to.equal(undefined);
    expect(loggedRecordOnDisk(join(dir.path, 'missing.jsonl'), 1)).to.equal(undefined);
  });

  it('finds a record appended again after a crash tore its first line', () => {
    const path = join(dir.path, 'log.jsonl');
    const all = records(40);
    const torn = logLine(all[20]!).slice(0, 50);
    writeFileSync(path, log(...all.slice(0, 20).map(logLine), `${torn}\n`, ...all.slice(20).map(logLine)));
    for (const record of all) expect(loggedRecordOnDisk(path, record.id)).to.deep.equal(record);
  });

  it('reads the last id from the end of the file, whatever the length of the lines before it', () => {
    const path = join(dir.path, 'log.jsonl');
    expect(lastLoggedId(path)).to.equal(0);
    writeFileSync(path, log(...records(20).map(logLine)));
    expect(lastLoggedId(path)).to.equal(20);
    writeFileSync(path, log(logLine(a), logLine(c)));
    expect(lastLoggedId(path)).to.equal(3);
    writeFileSync(path, log(...records(3).map(logLine), logLine({ id: 4, pad: 'x'.repeat(40_000) })));   // a last line longer than the first read
    expect(lastLoggedId(path)).to.equal(4);
  });
});
