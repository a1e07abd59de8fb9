import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CertError } from '../../lib/certs/errors.js';
import { openStore, type Store } from '../../lib/certs/store/store.js';
import { processToken } from '../../lib/certs/store/lock.js';
import { recentX509Of, thumbprintOf } from '../../lib/certs/x509/parse.js';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { generateKey, spkiDer } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { makeLeaf, snapshot, tempDir } from './helpers.js';

const JAN_2030 = new Date('2030-01-01T00:00:00Z');

describe('store', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  let now: Date;
  beforeEach(async () => {
    dir = tempDir();
    now = JAN_2030;
    store = await openStore(dir.path, { now: () => now, storeRoot: dir.path, lockTimeoutMs: 300 });
  });
  afterEach(() => dir.remove());

  describe('certificates', () => {
    it('adds a certificate with its key, lists it from the index and finds it by any spelling of the thumbprint', async () => {
      const leaf = await makeLeaf('pool1.litwareinc.com');
      const entry = await store.add('My', leaf.der, { key: leaf.key.privateKey, friendlyName: 'pool1' });
      expect(entry).to.include({ subject: 'CN=pool1.litwareinc.com', hasPrivateKey: true, friendlyName: 'pool1' });
      expect((await store.list('My')).map((e) => e.thumbprint)).to.deep.equal([thumbprintOf(leaf.der)]);
      const spaced = thumbprintOf(leaf.der).toLowerCase().replace(/(..)/g, '$1 ');
      expect(await store.get(spaced)).to.include({ store: 'My', hasPrivateKey: true, exportable: false });
      expect(statSync(join(dir.path, 'My', `${entry.thumbprint}.key.pem`)).mode & 0o777).to.equal(0o600);
    });

    it('refuses a private key that belongs to another certificate, whether made here or read from a file', async () => {
      const [leaf, other] = [await makeLeaf('k1.example'), await makeLeaf('k2.example')];
      const before = snapshot(dir.path);
      const imported = createPrivateKey(other.key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      for (const key of [other.key.privateKey, imported]) {
        const error = await store.add('My', leaf.der, { key }).catch((e) => e);
        expect(error).to.be.instanceOf(CertError).with.property('code', 'InvalidArgument');
      }
      expect(snapshot(dir.path)).to.deep.equal(before);
    });

    it('stores a certificate issued for a key made in this process without OpenSSL parsing it', async () => {
      const issuer = await generateKey({ alg: 'ECDH_P256' }), key = await generateKey({ alg: 'ECDH_P256' });
      const der = createCertificate({ subjectDer: encodeName({ commonName: 'own.example' }), spki: spkiDer(key.publicKey), sans: ['own.example'],
        issuer: { subjectDer: encodeName({ commonName: 'Issuer' }), spki: spkiDer(issuer.publicKey), privateKey: issuer.privateKey },
        notBefore: new Date('2029-01-01Z'), notAfter: new Date('2031-01-01Z') });
      expect(await store.add('My', der, { key: key.privateKey })).to.include({ subject: 'CN=own.example', hasPrivateKey: true });
      expect(recentX509Of(thumbprintOf(der))).to.equal(undefined);
    });

    it('adds a certificate for a key made here without looking for it, and looks the next time that key comes', async () => {
      const leaf = await makeLeaf('twice.example');
      const indexLines = () => readFileSync(join(dir.path, 'index.jsonl'), 'utf8').split('\n').filter(Boolean).length;
      await store.add('My', leaf.der, { key: leaf.key.privateKey, friendlyName: 'first' });
      const after = indexLines();
      expect(await store.add('My', leaf.der, { key: leaf.key.privateKey })).to.include({ hasPrivateKey: true, friendlyName: 'first' });
      expect(indexLines()).to.equal(after);   // already there: nothing new written
    });

    it('keeps a non-exportable key from leaving, but lets the store use it', async () => {
      const leaf = await makeLeaf('a.example');
      await store.add('My', leaf.der, { key: leaf.key.privateKey });
      const error = await store.privateKey(thumbprintOf(leaf.der), { forExport: true }).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'NotExportable');
      expect((await store.privateKey(thumbprintOf(leaf.der))).asymmetricKeyType).to.equal('ec');
    });

    it('encrypts keys at rest when a passphrase is set, and refuses to read them without it', async () => {
      const encrypted = await openStore(dir.path, { now: () => now, storeRoot: dir.path, keyPassphrase: 's3cret' });
      const leaf = await makeLeaf('b.example');
      await encrypted.add('My', leaf.der, { key: leaf.key.privateKey });
      expect(readFileSync(join(dir.path, 'My', `${thumbprintOf(leaf.der)}.key.pem`), 'utf8')).to.contain('ENCRYPTED PRIVATE KEY');
      expect((await encrypted.privateKey(thumbprintOf(leaf.der))).asymmetricKeyType).to.equal('ec');
      const error = await store.privateKey(thumbprintOf(leaf.der)).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'PassphraseMissing');
    });

    it('removes a certificate with its key, and reports a missing one as NotFound', async () => {
      const leaf = await makeLeaf('c.example');
      await store.add('My', leaf.der, { key: leaf.key.privateKey });
      await store.remove('My', thumbprintOf(leaf.der));
      expect(await store.list('My')).to.deep.equal([]);
      expect(existsSync(join(dir.path, 'My', `${thumbprintOf(leaf.der)}.key.pem`))).to.equal(false);
      const error = await store.remove('My', thumbprintOf(leaf.der)).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'NotFound');
    });
  });

  describe('atomicity', () => {
    it('leaves the directory byte-identical when an add fails', async () => {
      await store.add('Root', (await makeLeaf('root.example')).der);
      const before = snapshot(dir.path);
      const error = await store.add('My', Buffer.from('not a certificate')).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'Malformed');
      const other = await makeLeaf('other.example');
      const mismatch = await store.add('My', (await makeLeaf('d.example')).der, { key: other.key.privateKey }).catch((e) => e);
      expect(mismatch).to.be.instanceOf(CertError).with.property('code', 'InvalidArgument');
      expect(snapshot(dir.path)).to.deep.equal(before);
    });

    it('commits all of a transaction or, when it throws, none of it', async () => {
      const [a, b] = [await makeLeaf('a.example'), await makeLeaf('b.example')];
      const before = snapshot(dir.path);
      const error = await store.transaction(async (tx) => {
        await tx.add('My', a.der, { key: a.key.privateKey });
        await tx.assign('host', ['Default'], thumbprintOf(a.der));
        expect(await tx.get(thumbprintOf(a.der))).to.include({ hasPrivateKey: true });   // sees its own steps
        await tx.removeCertificate('My', thumbprintOf(b.der));                           // NotFound: rolls back
      }).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'NotFound');
      expect(snapshot(dir.path)).to.deep.equal(before);
    });

    it('finishes a change whose journal was written before a crash', async () => {
      const leaf = await makeLeaf('e.example');
      const thumbprint = thumbprintOf(leaf.der);
      writeFileSync(join(dir.path, 'journal.json'), JSON.stringify({ format: 1, changes: [
        { op: 'write', path: `CA/${thumbprint}.pem`, data: Buffer.from(toPem('CERTIFICATE', leaf.der)).toString('base64') }] }));
      const reopened = await openStore(dir.path, { now: () => now, storeRoot: dir.path });
      expect(existsSync(join(dir.path, 'journal.json'))).to.equal(false);
      expect((await reopened.list('CA')).map((e) => e.thumbprint)).to.deep.equal([thumbprint]);
    });
  });

  describe('group commit', () => {
    it('commits transactions started together, each seeing the ones before it, with the lock released when they settle', async () => {
      const leaves = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => makeLeaf(`g${n}.example`)));
      const settled = leaves.map((leaf, i) => store.transaction(async (tx) => {
        const request = await tx.addRequest({ status: 'Offline', subject: `CN=g${i}`, sans: [], types: ['Default'], csr: '', exportable: false });
        await tx.add('My', leaf.der, { key: leaf.key.privateKey, requestId: request.id });
        await tx.assign('global', ['Default'], thumbprintOf(leaf.der));
        return { id: request.id, lockHeld: existsSync(join(dir.path, '.lock')) };
      }).then((result) => ({ ...result, lockAfter: existsSync(join(dir.path, '.lock')) })));
      const results = await Promise.all(settled);
      expect(results.map((r) => r.id)).to.deep.equal([1, 2, 3, 4, 5, 6]);
      expect(results.every((r) => r.lockHeld && !r.lockAfter)).to.equal(true);
      expect((await store.list('My')).length).to.equal(6);
      const [view] = await store.assignments('global');
      expect([view!.thumbprint, view!.previousThumbprint]).to.deep.equal([thumbprintOf(leaves[5]!.der), thumbprintOf(leaves[4]!.der)]);
      expect(existsSync(join(dir.path, 'journal.json'))).to.equal(false);
    });

    it('drops only the transaction that throws from a batch', async () => {
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => makeLeaf(`${n}.example`)));
      const outcomes = await Promise.allSettled([
        store.add('My', a!.der),
        store.transaction(async (tx) => { await tx.add('My', b!.der); throw new CertError('InvalidArgument', 'changed its mind'); }),
        store.add('My', c!.der),
      ]);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.list('My')).map((e) => e.thumbprint).sort()).to.deep.equal([thumbprintOf(a!.der), thumbprintOf(c!.der)].sort());
      expect(existsSync(join(dir.path, 'My', `${thumbprintOf(b!.der)}.pem`))).to.equal(false);
    });

    it('reads a file from disk once per batch, the lock keeping it as read until the commit, and afresh in the next batch', async () => {
      const seen: (string | undefined)[] = [];
      const look = (tx: Parameters<Parameters<Store['transaction']>[0]>[0]) => seen.push(tx.fileExists('notes.txt') ? tx.fileAt('notes.txt')!.toString() : undefined);
      await Promise.all([
        store.transaction(async (tx) => { look(tx); writeFileSync(join(dir.path, 'notes.txt'), 'written behind the lock'); }),
        store.transaction(async (tx) => { look(tx); }),
      ]);
      await store.transaction(async (tx) => { look(tx); });
      expect(seen).to.deep.equal([undefined, undefined, 'written behind the lock']);
    });

    it('discards a journal torn before it was complete, applying none of it', async () => {
      const before = snapshot(dir.path);
      const whole = JSON.stringify({ format: 1, changes: [{ op: 'write', path: 'CA/X.pem', data: 'eA==' }] });
      writeFileSync(join(dir.path, 'journal.json'), `{"format":1,"sha256":"${'0'.repeat(64)}","changes":${whole.slice(0, 40)}`);
      await openStore(dir.path, { now: () => now, storeRoot: dir.path });
      expect(snapshot(dir.path)).to.deep.equal(before);
    });
  });

  describe('chain certificates', () => {
    it('are read again once Root or CA changes, though kept while both folders are settled', async () => {
      const [first, second] = [await makeLeaf('root1.example'), await makeLeaf('root2.example')];
      await store.add('Root', first.der);
      const settle = () => { const past = new Date(Date.now() - 60_000); for (const f of ['Root', 'CA']) utimesSync(join(dir.path, f), past, past); };
      settle();
      expect((await store.chainCertificates()).roots).to.have.length(1);
      const kept = await store.chainCertificates();
      expect(kept).to.equal(await store.chainCertificates());   // the same answer, not read again
      await store.add('Root', second.der);
      expect((await store.chainCertificates()).roots.map(thumbprintOf).sort()).to.deep.equal([first.der, second.der].map(thumbprintOf).sort());
      settle();
      await store.transaction(async (tx) => {
        await tx.removeCertificate('Root', thumbprintOf(first.der));
        expect((await tx.chainCertificates()).roots.map(thumbprintOf)).to.deep.equal([thumbprintOf(second.der)]);   // staged, not cached
      });
    });

    it('are looked at once per batch that leaves Root and CA alone, and afresh in the next batch', async () => {
      const [first, second] = [await makeLeaf('root1.example'), await makeLeaf('root2.example')];
      await store.add('Root', first.der);
      const roots: number[] = [];
      const look = async (tx: Parameters<Parameters<Store['transaction']>[0]>[0]) => roots.push((await tx.chainCertificates()).roots.length);
      await Promise.all([
        store.transaction(async (tx) => { await look(tx); writeFileSync(join(dir.path, 'Root', `${thumbprintOf(second.der)}.pem`), toPem('CERTIFICATE', second.der)); }),
        store.transaction(look),
      ]);
      await store.transaction(look);
      expect(roots).to.deep.equal([1, 1, 2]);
    });
  });

  describe('index', () => {
    it('ignores a torn last line and repairs itself from the files', async () => {
      const [a, b] = [await makeLeaf('a.example'), await makeLeaf('b.example')];
      await store.add('My', a.der);
      await store.add('My', b.der);
      writeFileSync(join(dir.path, 'index.jsonl'), readFileSync(join(dir.path, 'index.jsonl'), 'utf8').split('\n')[0]!);
      appendFileSync(join(dir.path, 'index.jsonl'), '{"op":"add","sto');
      const listed = (await store.list('My')).map((e) => e.thumbprint).sort();
      expect(listed).to.deep.equal([thumbprintOf(a.der), thumbprintOf(b.der)].sort());
      const c = await makeLeaf('c.example');
      await store.add('My', c.der);
      expect(await store.list('My')).to.have.length(3);
    });

    it('appends on a line of its own after another writer\'s torn line, and to the file that replaced the one it last appended to', async () => {
      const [a, b, c] = [await makeLeaf('a.example'), await makeLeaf('b.example'), await makeLeaf('c.example')];
      const index = join(dir.path, 'index.jsonl');
      const added = () => readFileSync(index, 'utf8').split('\n').flatMap((line) => { try { return [JSON.parse(line).entry.thumbprint]; } catch { return []; } });
      await store.add('My', a.der);
      appendFileSync(index, '{"op":"add","sto');   // a process that crashed mid-append
      await store.add('My', b.der);
      expect(added()).to.deep.equal([thumbprintOf(a.der), thumbprintOf(b.der)]);
      writeFileSync(`${index}.new`, readFileSync(index));
      renameSync(`${index}.new`, index);   // compacted by another process meanwhile
      await store.add('My', c.der);
      expect(added()).to.deep.equal([a, b, c].map((leaf) => thumbprintOf(leaf.der)));
    });

    it('drops an entry whose certificate file is gone', async () => {
      const a = await makeLeaf('a.example');
      await store.add('CA', a.der);
      rmSync(join(dir.path, 'CA', `${thumbprintOf(a.der)}.pem`));
      expect(await store.list('CA')).to.deep.equal([]);
    });
  });

  describe('lock', () => {
    it('lets two processes adding at once both land', async function () {
      this.timeout(60000);
      const files: string[][] = [[], []];
      for (let i = 0; i < 24; i++) {
        const path = join(dir.path, `u${i}.pem`);
        writeFileSync(path, toPem('CERTIFICATE', (await makeLeaf(`host${i}.example`)).der));
        files[i % 2]!.push(path);
      }
      const script = join(import.meta.dirname, 'fixtures', 'add-certificates.ts');
      const root = join(dir.path, 'shared');
      await Promise.all(files.map((list) => new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, root, ...list], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
      })));
      const shared = await openStore(root, { now: () => now, storeRoot: root });
      expect(await shared.list('My')).to.have.length(24);
      expect(await shared.assignments('global')).to.have.length(24);
    });

    it('takes over a lock left by a dead process', async () => {
      writeFileSync(join(dir.path, '.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: 'then' }));
      await store.add('My', (await makeLeaf('f.example')).der);
      expect(await store.list('My')).to.have.length(1);
    });

    it('takes over a lock left by an earlier process that had this pid (a container\'s next run)', async () => {
      writeFileSync(join(dir.path, '.lock'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: 'then' }));
      await store.add('My', (await makeLeaf('h.example')).der);
      expect(await store.list('My')).to.have.length(1);
      expect(existsSync(join(dir.path, '.lock'))).to.equal(false);
    });

    it('never takes over a lock of this process itself (its pid and start time), as from another thread of it', async () => {
      writeFileSync(join(dir.path, '.lock'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: 'now', token: processToken }));
      const error = await store.add('My', (await makeLeaf('i.example')).der).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'Locked');
      rmSync(join(dir.path, '.lock'));
    });

    it('gives up on a live holder after the bounded wait with Locked', async () => {
      writeFileSync(join(dir.path, '.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), since: 'now' }));
      const error = await store.add('My', (await makeLeaf('g.example')).der).catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'Locked');
      rmSync(join(dir.path, '.lock'));
    });
  });

  describe('requests', () => {
    it('numbers requests without reusing a removed id, keeping their keys', async () => {
      const leaf = await makeLeaf('r.example');
      const fields = { status: 'Pending' as const, subject: 'CN=r.example', sans: ['r.example'], types: ['Default'], csr: '-', exportable: false };
      const first = await store.addRequest(fields, leaf.key.privateKey);
      const second = await store.addRequest(fields);
      await store.removeRequest(second.id);
      const third = await store.addRequest(fields);
      expect([first.id, second.id, third.id]).to.deep.equal([1, 2, 3]);
      expect((await store.requests()).map((r) => r.id)).to.deep.equal([1, 3]);
      expect((await store.requestKey(1))?.asymmetricKeyType).to.equal('ec');
      expect(await store.updateRequest(1, { status: 'Denied', message: 'no' })).to.include({ status: 'Denied', id: 1 });
    });

    it('keeps store.json\'s counter a floor, rewritten every 16 requests, and still numbers on from where the records end', async () => {
      const fields = { status: 'Offline' as const, subject: 'CN=r.example', sans: [], types: ['Default'], csr: '-', exportable: false };
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) ids.push((await store.addRequest(fields)).id);
      expect(ids).to.deep.equal(Array.from({ length: 40 }, (_, i) => i + 1));
      const floor = JSON.parse(readFileSync(join(dir.path, 'store.json'), 'utf8')).nextRequestId;
      expect(floor).to.be.within(25, 41);
      const reopened = await openStore(dir.path, { now: () => now, storeRoot: dir.path });
      await reopened.removeRequest(40);
      expect((await reopened.addRequest(fields)).id).to.equal(41);
    });

    describe('issued at once', () => {
      const issued = { status: 'Issued' as const, subject: 'CN=i.example', sans: ['i.example'], types: ['Default'], csr: '-', exportable: false, thumbprint: 'AB' };
      const offline = { ...issued, status: 'Offline' as const, thumbprint: undefined };
      const ids = async () => (await store.requests()).map((r) => r.id);
      const log = () => readFileSync(join(dir.path, 'REQUEST', 'issued.jsonl'), 'utf8');

      it('keeps each as a line of REQUEST/issued.jsonl, numbered with the filed ones in one batch and found as they are', async () => {
        const made = await Promise.all([issued, offline, issued].map((fields) => store.transaction((tx) => tx.addRequest(fields))));
        expect(made.map((r) => r.id)).to.deep.equal([1, 2, 3]);
        expect(['1', '2', '3'].map((id) => existsSync(join(dir.path, 'REQUEST', `${id}.json`)))).to.deep.equal([false, true, false]);
        expect(log().split('\n').filter(Boolean).map((line) => JSON.parse(line).id)).to.deep.equal([1, 3]);
        expect(await store.request(3)).to.deep.equal(made[2]);
        expect(await ids()).to.deep.equal([1, 2, 3]);
        expect((await store.addRequest(issued)).id).to.equal(4);
      });

      it('takes one out by a line of REQUEST/removed.jsonl, and never gives its id again', async () => {
        for (let i = 0; i < 3; i++) await store.addRequest(issued);
        await store.removeRequest(3);
        expect(await store.request(3)).to.equal(undefined);
        expect(JSON.parse(readFileSync(join(dir.path, 'REQUEST', 'removed.jsonl'), 'utf8'))).to.deep.equal({ id: 3, removedAt: now.toISOString() });
        expect(await ids()).to.deep.equal([1, 2]);
        expect((await store.addRequest(issued)).id).to.equal(4);
      });

      it('numbers on after lines another process appended, and after request files of stores written before the log', async () => {
        await store.addRequest(issued);
        appendFileSync(join(dir.path, 'REQUEST', 'issued.jsonl'), `${JSON.stringify({ id: 7, ...issued, createdAt: now.toISOString() })}\n`);
        expect((await store.addRequest(issued)).id).to.equal(8);
        writeFileSync(join(dir.path, 'REQUEST', '9.json'), JSON.stringify({ id: 9, ...issued, createdAt: now.toISOString() }, null, 2));
        expect((await store.addRequest(issued)).id).to.equal(10);
        expect(await ids()).to.deep.equal([1, 7, 8, 9, 10]);
      });
    });
  });

  describe('assignments', () => {
    const A = 'A'.repeat(40), B = 'B'.repeat(40), C = 'C'.repeat(40);
    it('keeps the replaced certificate as previous', async () => {
      await store.assign('fe01', ['Default', 'WebServicesInternal'], A);
      await store.assign('fe01', ['Default'], B);
      const views = await store.assignments('fe01');
      expect(views.map((v) => [v.usage, v.thumbprint, v.previousThumbprint])).to.deep.equal([['Default', B, A], ['WebServicesInternal', A, undefined]]);
      expect((await store.usagesOf(A)).map((u) => `${u.usage}:${u.as}`)).to.deep.equal(['Default:previous', 'WebServicesInternal:current']);
    });

    it('rolls a certificate in at its effective date', async () => {
      await store.assign('global', ['OAuthTokenIssuer'], A);
      await store.assign('global', ['OAuthTokenIssuer'], C, { effectiveDate: new Date('2030-07-01Z') });
      expect((await store.assignments('global'))[0]).to.include({ thumbprint: A, pendingThumbprint: C });
      now = new Date('2030-07-02Z');
      const [rolled] = await store.assignments('global');
      expect(rolled).to.include({ thumbprint: C, previousThumbprint: A, pendingThumbprint: undefined });
      expect(rolled!.effectiveDate).to.deep.equal(new Date('2030-07-01Z'));
      expect(await store.unassign('global', ['OAuthTokenIssuer'], { previous: true })).to.deep.equal(['OAuthTokenIssuer']);
      expect((await store.assignments('global'))[0]).to.include({ thumbprint: C, previousThumbprint: undefined });
    });

    it('unassigns usages', async () => {
      await store.assign('fe01', ['Default'], A);
      expect(await store.unassign('fe01', ['Default', 'WebServicesExternal'])).to.deep.equal(['Default']);
      expect(await store.assignments('fe01')).to.deep.equal([]);
    });
  });

  it('refuses a store written by a newer format', async () => {
    writeFileSync(join(dir.path, 'store.json'), JSON.stringify({ format: 99 }));
    const error = await openStore(dir.path, { now: () => now, storeRoot: dir.path }).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'StoreVersion');
  });
});
