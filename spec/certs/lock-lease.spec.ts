import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CertError } from '../../lib/certs/errors.js';
import { openStore, type Store } from '../../lib/certs/store/store.js';
import { withLock } from '../../lib/certs/store/lock.js';
import { atomicWrite } from '../../lib/certs/store/files.js';
import { LockMemory } from '../../lib/certs/store/lock-memory.js';
import { startLeaseKeeper } from '../../lib/certs/store/lease-keeper.js';
import { makeLeaf, tempDir } from './helpers.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const issued = { status: 'Issued' as const, subject: 'CN=i.example', sans: ['i.example'], types: ['Default'], csr: '-', exportable: false, thumbprint: 'AB' };

describe('store lock leases', () => {
  let dir: ReturnType<typeof tempDir>;
  const lockFile = () => join(dir.path, '.lock');
  const open = (lockLeaseMs: number): Promise<Store> => openStore(dir.path, { now: () => new Date('2030-01-01Z'), storeRoot: dir.path, lockTimeoutMs: 2000, lockLeaseMs });
  beforeEach(() => { dir = tempDir(); });
  afterEach(async () => { await sleep(60); dir.remove(); });   // short leases taken here lapse first

  it('keeps the lock from one change to the next (from a process\'s second hold of it on), then lets it go when the lease lapses', async () => {
    const store = await open(40);   // made here: the lock's first hold, let go at once
    expect(existsSync(lockFile()), 'a first hold keeps no lease').to.equal(false);
    await store.add('Root', (await makeLeaf('b.example')).der);
    const held = statSync(lockFile()).ino;
    await store.add('Root', (await makeLeaf('c.example')).der);
    expect(statSync(lockFile()).ino, 'the same lock file: not let go and taken again').to.equal(held);
    await sleep(150);
    expect(existsSync(lockFile())).to.equal(false);
  });

  it('lets a lapsed lease go while the script\'s thread is busy, so another process need not wait for it', function () {
    this.timeout(20_000);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fixture('lease-then-compute.ts'), dir.path], { encoding: 'utf8' });
    expect(child.status, child.stderr).to.equal(0);
    expect(child.stdout).to.equal('let go while busy');
  });

  it('lets the lock go at once after a change that failed, leaving the store as it was', async () => {
    const store = await open(10_000);
    const error = await store.add('My', Buffer.from('not a certificate')).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'Malformed');
    expect(existsSync(lockFile())).to.equal(false);
  });

  it('gives request ids that skip the request files there, made before the lease or during it, from a listing of the folder', async () => {
    const store = await open(5000);
    const offline = { ...issued, status: 'Offline' as const, thumbprint: undefined };   // a file of its own, REQUEST/<id>.json
    const ids = [(await store.addRequest(offline)).id];   // the lock taken afresh: the id's file looked up
    ids.push((await store.addRequest(issued)).id);   // on lease: REQUEST/ listed, 1.json in it
    ids.push((await store.addRequest(offline)).id);   // 3.json, added to the listing as the batch commits
    ids.push((await store.addRequest(issued)).id);   // the log's last id is 2: 3 is taken by the file
    expect(ids).to.deep.equal([1, 2, 3, 4]);
    expect(await store.request(3)).to.include({ status: 'Offline' });
    expect(await store.request(4)).to.include({ status: 'Issued' });
  });

  it('follows its own changes from one batch to the next, and reads the store afresh once the lock was let go', async () => {
    const store = await open(30);
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push((await store.addRequest(issued)).id);   // store.json's id floor moves every 16
    expect(ids).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
    const filed = await store.addRequest({ ...issued, status: 'Offline', thumbprint: undefined });   // a file looked for, then written
    expect(await store.updateRequest(filed.id, { status: 'Denied', message: 'no' })).to.include({ id: 21, status: 'Denied' });
    await sleep(100);
    appendFileSync(join(dir.path, 'REQUEST', 'issued.jsonl'), `${JSON.stringify({ id: 30, ...issued, createdAt: '2030-01-01T00:00:00.000Z' })}\n`);
    expect((await store.addRequest(issued)).id).to.equal(31);
    expect(await store.request(21)).to.include({ status: 'Denied' });
  });

  it('reads afresh a file this process wrote outside the journal while it held the lease (an embedded CA made)', async () => {
    const store = await open(10_000);
    const file = join('ca', 'made-here', 'state.json');
    await store.transaction(async (tx) => { tx.putFile('REQUEST/first.json', '{}'); });   // leases are kept from the second hold on
    expect(await store.transaction(async (tx) => { tx.putFile('REQUEST/note.json', '{}'); return tx.fileAt(file); })).to.equal(undefined);
    atomicWrite(join(dir.path, file), '{"made":true}');
    expect((await store.transaction(async (tx) => tx.fileAt(file)))?.toString()).to.equal('{"made":true}');
  });

  it('hands the lock to another process that asks for it, however long this one goes on changing the store', async function () {
    this.timeout(20_000);
    await withLock(lockFile(), 1000, () => undefined, { keepFor: () => 25 });
    const child = spawn(process.execPath, ['--import', 'tsx', fixture('lock-once.ts'), lockFile(), '3000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let said = '', over = false;
    child.stdout.on('data', (chunk) => { said += chunk; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { over = true; resolve(code); }));
    const fresh: boolean[] = [];
    for (const deadline = Date.now() + 15_000; !over && Date.now() < deadline;) {
      await withLock(lockFile(), 5000, (hold) => { fresh.push(hold.fresh); }, { keepFor: () => 25 });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await exited, said).to.equal(0);
    expect(said).to.equal('locked');
    expect(fresh.filter((taken) => taken).length, 'taken again after the other process had it').to.be.greaterThan(0);
    expect(existsSync(`${lockFile()}.waiting`)).to.equal(false);
  });

  it('keeps its lease over an announcement a waiter left when it died, and removes it', async () => {
    for (let i = 0; i < 2; i++) await withLock(lockFile(), 1000, () => undefined, { keepFor: () => 1000 });   // leased from the second hold
    writeFileSync(`${lockFile()}.waiting`, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: 'then' }));
    await sleep(30);   // the keeper looks for announcements every few ms
    const hold = await withLock(lockFile(), 1000, (held) => held, { keepFor: () => 0 });
    expect(hold.fresh).to.equal(false);
    expect(existsSync(`${lockFile()}.waiting`)).to.equal(false);
    expect(existsSync(lockFile())).to.equal(false);
  });

  it('answers the passphrase check from its memory while its lease stands, and from the disk once the lease lapsed', async () => {
    const other = tempDir(), leaves = await Promise.all(['p1.example', 'p2.example', 'p3.example'].map((name) => makeLeaf(name)));
    await (await openStore(other.path, { now: () => new Date('2030-01-01Z'), storeRoot: other.path, keyPassphrase: 'secret' })).add('My', leaves[2]!.der, { key: leaves[2]!.key.privateKey });
    const store = await open(300);
    for (const leaf of leaves.slice(0, 2)) await store.add('My', leaf.der, { key: leaf.key.privateKey });   // the second batch leaves the lock on lease, keys.json looked for
    copyFileSync(join(other.path, 'keys.json'), join(dir.path, 'keys.json'));   // behind the lease's back, as no writer could
    other.remove();
    expect(() => store.checkPassphrase(), 'nobody can have written since the last batch').not.to.throw();
    await sleep(400);
    expect(() => store.checkPassphrase()).to.throw(CertError).with.property('code', 'PassphraseMissing');
  });

  it('has its keeper look for a waiter\'s announcement while the lock is held, and say when it found none', async () => {
    const keeper = startLeaseKeeper(lockFile())!;
    try {
      expect(keeper.clearOfWaiters, 'a keeper that has not looked yet says nothing').to.equal(false);
      writeFileSync(lockFile(), 'held');
      expect(keeper.lease(Date.now() + 5000)).to.equal(true);
      expect(keeper.takeBack()).to.equal(true);   // held for work: the keeper lets nothing go, and still looks
      for (const deadline = Date.now() + 5000; !keeper.clearOfWaiters && Date.now() < deadline;) await sleep(10);   // the thread's start
      expect(keeper.clearOfWaiters).to.equal(true);
      writeFileSync(`${lockFile()}.waiting`, '{}');
      await sleep(40);
      expect(keeper.clearOfWaiters).to.equal(false);
      rmSync(`${lockFile()}.waiting`);
      await sleep(40);
      expect(keeper.clearOfWaiters).to.equal(true);
      keeper.released();
      await sleep(40);
      expect(keeper.clearOfWaiters, 'the lock let go: the next hold looks for itself').to.equal(false);
    } finally { keeper.end(); }
  });

  it('lets the lock go when the process exits, however long its lease', function () {
    this.timeout(20_000);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fixture('lease-then-exit.ts'), dir.path], { encoding: 'utf8' });
    expect(child.stdout, child.stderr).to.equal('changed');
    expect(existsSync(lockFile())).to.equal(false);
  });
});

describe('LockMemory', () => {
  it('follows committed changes, and starts afresh rather than remember every file of a long script', () => {
    const memory = new LockMemory();
    memory.reads.set('store.json', Buffer.from('{"format":2}'));
    memory.loggedIds.set('REQUEST/issued.jsonl', 7);
    memory.committed([{ op: 'write', path: 'store.json', data: Buffer.from('{"format":2,"nextRequestId":17}') }, { op: 'delete', path: 'REQUEST/3.json' }]);
    expect(memory.reads.get('store.json')?.toString()).to.equal('{"format":2,"nextRequestId":17}');
    expect(memory.presence.get('REQUEST/3.json')).to.equal(false);
    memory.committed(Array.from({ length: 5000 }, (_, i) => ({ op: 'write' as const, path: `My/${i}.pem`, data: Buffer.from('x') })));
    expect([memory.reads.size, memory.presence.size, memory.loggedIds.size]).to.deep.equal([0, 0, 0]);
  });
});
