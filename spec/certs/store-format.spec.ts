import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../lib/certs/store/store.js';
import { encodeKey } from '../../lib/certs/store/keys-at-rest.js';
import { thumbprintOf } from '../../lib/certs/x509/parse.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { makeLeaf, openssl, tempDir } from './helpers.js';

const env = (root: string) => ({ now: () => new Date('2030-01-01Z'), storeRoot: root, lockTimeoutMs: 300 });
const storeFormat = (root: string) => JSON.parse(readFileSync(join(root, 'store.json'), 'utf8')).format;

describe('store format 2: a certificate\'s metadata on its file\'s first line', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => dir.remove());

  it('writes one file per certificate in My, which OpenSSL reads as the certificate, and reads the metadata back from it', async () => {
    const store = await openStore(dir.path, env(dir.path));
    const leaf = await makeLeaf('pool1.litwareinc.com');
    const odd = 'pool1 -----BEGIN CERTIFICATE----- "quoted"\nnext line';   // a friendly name may hold anything
    const entry = await store.add('My', leaf.der, { key: leaf.key.privateKey, friendlyName: odd, exportable: true, requestId: 7 });
    const file = join(dir.path, 'My', `${entry.thumbprint}.pem`);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).to.match(/^cscert-metadata: \{.*\}$/);
    expect(text.match(/-----BEGIN/g)).to.have.length(1);
    expect(existsSync(join(dir.path, 'My', `${entry.thumbprint}.json`))).to.equal(false);
    const read = openssl(['x509', '-in', file, '-noout', '-fingerprint', '-sha1']);
    expect(read.ok, read.output).to.equal(true);
    expect(read.output.replace(/:/g, '')).to.contain(entry.thumbprint);
    expect(await store.get(entry.thumbprint)).to.include({ friendlyName: odd, exportable: true, requestId: 7, hasPrivateKey: true });
    expect(storeFormat(dir.path)).to.equal(2);
    rmSync(join(dir.path, 'index.jsonl'));   // rebuilt from the files
    expect((await store.list('My'))[0]).to.include({ thumbprint: entry.thumbprint, friendlyName: odd });
  });

  it('keeps Root and CA certificates as plain PEM', async () => {
    const store = await openStore(dir.path, env(dir.path));
    const leaf = await makeLeaf('root.example');
    await store.add('Root', leaf.der);
    expect(readFileSync(join(dir.path, 'Root', `${thumbprintOf(leaf.der)}.pem`), 'utf8')).to.equal(toPem('CERTIFICATE', leaf.der));
  });

  describe('a store of format 1 (metadata in <THUMBPRINT>.json)', () => {
    let old: Awaited<ReturnType<typeof makeLeaf>>;
    let thumbprint: string;
    beforeEach(async () => {
      old = await makeLeaf('old.example');
      thumbprint = thumbprintOf(old.der);
      for (const folder of ['My', 'Root', 'CA', 'REQUEST']) mkdirSync(join(dir.path, folder), { recursive: true });
      writeFileSync(join(dir.path, 'store.json'), JSON.stringify({ format: 1, nextRequestId: 1 }));
      writeFileSync(join(dir.path, 'My', `${thumbprint}.pem`), toPem('CERTIFICATE', old.der));
      writeFileSync(join(dir.path, 'My', `${thumbprint}.key.pem`), encodeKey(old.key.privateKey, undefined), { mode: 0o600 });
      writeFileSync(join(dir.path, 'My', `${thumbprint}.json`), JSON.stringify({ friendlyName: 'old one', exportable: true, addedAt: '2029-01-01T00:00:00.000Z' }));
    });

    it('reads it as it is: metadata from the file beside the certificate, in a listing rebuilt from the files too', async () => {
      const store = await openStore(dir.path, env(dir.path));
      expect(await store.get(thumbprint)).to.include({ friendlyName: 'old one', exportable: true, hasPrivateKey: true });
      expect((await store.list('My'))[0]).to.include({ thumbprint, friendlyName: 'old one' });
      expect(await store.privateKey(thumbprint, { forExport: true })).to.have.property('type', 'private');
      expect(storeFormat(dir.path)).to.equal(1);
    });

    it('moves a certificate\'s metadata into its file when it changes, and then says format 2', async () => {
      const store = await openStore(dir.path, env(dir.path));
      await store.transaction((tx) => tx.setFriendlyName(thumbprint, 'renamed'));
      expect(existsSync(join(dir.path, 'My', `${thumbprint}.json`))).to.equal(false);
      expect(readFileSync(join(dir.path, 'My', `${thumbprint}.pem`), 'utf8')).to.match(/^cscert-metadata: .*"renamed"/);
      expect(await store.get(thumbprint)).to.include({ friendlyName: 'renamed', exportable: true });
      expect(storeFormat(dir.path)).to.equal(2);
    });

    it('says format 2 once a certificate is added, and removes a certificate with the file beside it', async () => {
      const store = await openStore(dir.path, env(dir.path));
      const added = await makeLeaf('new.example');
      await store.add('My', added.der, { key: added.key.privateKey });
      expect(storeFormat(dir.path)).to.equal(2);
      expect(await store.get(thumbprint)).to.include({ friendlyName: 'old one' });
      await store.remove('My', thumbprint);
      expect(['.pem', '.key.pem', '.json'].map((end) => existsSync(join(dir.path, 'My', `${thumbprint}${end}`)))).to.deep.equal([false, false, false]);
    });
  });
});
