import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointJournals, commitBatch, journalHeader, journalLine } from '../../lib/certs/store/journal.js';
import { prepareWrites, publishPrepared, syncOwed } from '../../lib/certs/store/files.js';
import { openStore, type Store } from '../../lib/certs/store/store.js';
import { thumbprintOf } from '../../lib/certs/x509/parse.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { makeLeaf, tempDir } from './helpers.js';

const journalsIn = (root: string) => readdirSync(root).filter((name) => /^journal-.*\.log$/.test(name));

/** A pid that ran and is gone: a process that exited and was reaped. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('store write-ahead journal', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  const env = () => ({ now: () => new Date('2030-01-01Z'), storeRoot: dir.path, lockTimeoutMs: 300 });
  beforeEach(async () => { dir = tempDir(); store = await openStore(dir.path, env()); });
  afterEach(async () => { await checkpointJournals(); dir.remove(); });

  const pemChange = async (name: string) => {
    const leaf = await makeLeaf(name);
    const thumbprint = thumbprintOf(leaf.der);
    return { thumbprint, change: { op: 'write' as const, path: `CA/${thumbprint}.pem`, data: Buffer.from(toPem('CERTIFICATE', leaf.der)) } };
  };

  it('keeps a batch in this process\'s journal until its files are synced, then removes the journal', async () => {
    const leaf = await makeLeaf('a.example');
    await store.add('My', leaf.der, { key: leaf.key.privateKey });
    const [journal] = journalsIn(dir.path);
    expect(journal).to.match(new RegExp(`^journal-${process.pid}-[0-9a-f]+\\.log$`));
    const lines = readFileSync(join(dir.path, journal!), 'utf8').split('\n');
    expect(JSON.parse(lines[0]!)).to.include({ format: 2, pid: process.pid });
    expect(lines[1]).to.include(`My/${thumbprintOf(leaf.der)}.pem`);
    await checkpointJournals();
    expect(journalsIn(dir.path)).to.deep.equal([]);
    expect((await store.get(thumbprintOf(leaf.der)))?.hasPrivateKey).to.equal(true);
  });

  it('replays, on open, the journal of a process that died, dropping a torn last record', async () => {
    const [first, second] = [await pemChange('first.example'), await pemChange('second.example')];
    const torn = journalLine([second.change]);
    writeFileSync(join(dir.path, 'journal-1-00000000.log'),
      journalHeader(deadPid()) + journalLine([first.change]) + torn.slice(0, torn.length / 2));
    const reopened = await openStore(dir.path, env());
    expect(journalsIn(dir.path)).to.deep.equal([]);
    expect((await reopened.list('CA')).map((e) => e.thumbprint)).to.deep.equal([first.thumbprint]);
    expect(existsSync(join(dir.path, 'CA', `${second.thumbprint}.pem`))).to.equal(false);
  });

  it('replays the journal of an earlier process that had this pid (a container\'s next run), not taking it for its own', async () => {
    const { thumbprint, change } = await pemChange('same-pid.example');
    writeFileSync(join(dir.path, `journal-${process.pid}-0000abcd.log`), journalHeader(process.pid) + journalLine([change]));
    await store.add('My', (await makeLeaf('b.example')).der);
    expect(existsSync(join(dir.path, 'CA', `${thumbprint}.pem`))).to.equal(true);
    await checkpointJournals();
    expect(journalsIn(dir.path)).to.deep.equal([]);
  });

  it('replays a dead process\'s journals in the order it made them, as two may hold the same file', async () => {
    const pid = deadPid();
    for (let seq = 1; seq <= 8; seq++) {   // names sorting against the order they were made
      writeFileSync(join(dir.path, `journal-${pid}-${(0xffffffff - seq).toString(16)}.log`),
        journalHeader(pid, undefined, seq) + journalLine([{ op: 'write', path: 'notes.txt', data: Buffer.from(`written by journal ${seq}`) }]));
    }
    await openStore(dir.path, env());
    expect(journalsIn(dir.path)).to.deep.equal([]);
    expect(readFileSync(join(dir.path, 'notes.txt'), 'utf8')).to.equal('written by journal 8');
  });

  it('goes on in a new journal past a megabyte, and removes both once their files are synced', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await store.transaction(async (tx) => tx.putFile(`blobs/${i}.bin`, Buffer.alloc(100_000, i)));
      for (const name of journalsIn(dir.path)) names.add(name);
    }
    expect(names.size).to.equal(2);
    await checkpointJournals();
    expect(journalsIn(dir.path)).to.deep.equal([]);
    expect(readdirSync(join(dir.path, 'blobs'))).to.have.length(12);
  });

  it('leaves a running writer\'s journal to it when only reading, and syncs it (without rewriting) before writing', async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      const { thumbprint, change } = await pemChange('live.example');
      const name = `journal-${sleeper.pid}-0000abcd.log`;
      writeFileSync(join(dir.path, name), journalHeader(sleeper.pid!) + journalLine([change]));
      await openStore(dir.path, env());
      expect(journalsIn(dir.path)).to.deep.equal([name]);
      // A live writer has already written its files; the record is not applied again, only synced.
      await store.add('My', (await makeLeaf('b.example')).der);
      expect(journalsIn(dir.path)).to.not.include(name);
      expect(existsSync(join(dir.path, 'CA', `${thumbprint}.pem`))).to.equal(false);
    } finally { sleeper.kill(); }
  });

  it('starts a new journal when another writer settled this one', async () => {
    await store.add('My', (await makeLeaf('c.example')).der);
    const [settled] = journalsIn(dir.path);
    rmSync(join(dir.path, settled!));   // what another process's settleJournals does after syncing it
    const leaf = await makeLeaf('d.example');
    await store.add('My', leaf.der);
    const [fresh] = journalsIn(dir.path);
    expect(fresh).to.not.equal(settled);
    expect(readFileSync(join(dir.path, fresh!), 'utf8')).to.include(thumbprintOf(leaf.der));
    expect((await store.list('My')).length).to.equal(2);
  });

  it('appends to a log that a batch of the same hold replaced in its new file, not the old one', async () => {
    // Within one hold of the lock a kept-open log is appended to without asking its size again (files.ts
    // stretches); a batch that replaces it must make the next append open the new file.
    const line = (text: string) => Buffer.from(`${text}\n`);
    await commitBatch(dir.path, [{ op: 'append', path: 'REQUEST/issued.jsonl', data: line('{"id":1}') }]);
    await commitBatch(dir.path, [{ op: 'append', path: 'REQUEST/issued.jsonl', data: line('{"id":2}') }], { sameHold: true });
    await commitBatch(dir.path, [{ op: 'write', path: 'REQUEST/issued.jsonl', data: line('{"id":2}') }], { sameHold: true });   // compacted
    await commitBatch(dir.path, [{ op: 'append', path: 'REQUEST/issued.jsonl', data: line('{"id":3}') }], { sameHold: true });
    expect(readFileSync(join(dir.path, 'REQUEST/issued.jsonl'), 'utf8')).to.equal('{"id":2}\n{"id":3}\n');
  });

  it('keeps at most 256 written files open for their background sync, and syncs the rest by name', async () => {
    await checkpointJournals();   // no descriptor of this process's other stores still open
    const rounds = Array.from({ length: 8 }, () => ({ files: new Map<string, number>(), paths: new Set<string>() }));
    rounds.forEach((owed, round) => publishPrepared(dir.path, prepareWrites(dir.path, Array.from({ length: 50 }, (_, i) =>
      ({ op: 'write' as const, path: `My/f${round}-${i}.json`, data: Buffer.from(`{"i":${i}}`) }))), owed));
    const kept = rounds.reduce((sum, owed) => sum + owed.files.size, 0);
    const byName = rounds.reduce((sum, owed) => sum + [...owed.paths].filter((path) => path.endsWith('.json')).length, 0);
    expect([kept, byName]).to.deep.equal([256, 400 - 256]);
    await Promise.all(rounds.map((owed) => syncOwed(owed)));   // every descriptor closed again
    expect(readdirSync(join(dir.path, 'My'))).to.have.length(400);
  });
});

