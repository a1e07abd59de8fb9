import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { join } from 'node:path';

interface State { running: boolean; ready: Record<string, number>; taken: number; failed: boolean }
interface Run { steps: Record<'afterFirst' | 'afterSecond' | 'afterMore', State>; keys: { spki: string; pkcs8: string }[] }

describe('EC key reserve', () => {
  let run: Run;
  before(function () {
    this.timeout(60_000);
    // The child must end by itself: a worker that held the process open would be killed here instead.
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'key-reserve-run.ts')], { encoding: 'utf8', timeout: 30_000 });
    expect(child.signal, 'killed after 30 s: the reserve held the process open').to.equal(null);
    expect(child.status, child.stderr).to.equal(0);
    run = JSON.parse(child.stdout) as Run;
  });

  it('starts no thread for a process\'s first key, and a worker from its second', () => {
    expect(run.steps.afterFirst).to.include({ running: false, taken: 0, failed: false });
    expect(run.steps.afterSecond).to.include({ running: true, failed: false });
  });

  it('hands out the worker\'s keys once they are ready', () => {
    expect(run.steps.afterMore.taken).to.be.greaterThan(0);
    expect(run.steps.afterMore.failed).to.equal(false);
  });

  it('gives keys that are all different, whose halves match and whose encodings are Node\'s own', () => {
    expect(new Set(run.keys.map((key) => key.pkcs8)).size).to.equal(run.keys.length);
    for (const key of run.keys) {
      const privateKey = createPrivateKey({ key: Buffer.from(key.pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
      const publicKey = createPublicKey({ key: Buffer.from(key.spki, 'base64'), format: 'der', type: 'spki' });
      expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64')).to.equal(key.spki);
      expect(privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')).to.equal(key.pkcs8);
      expect(verify('sha256', Buffer.from('cscert'), publicKey, sign('sha256', Buffer.from('cscert'), privateKey))).to.equal(true);
    }
  });
});
