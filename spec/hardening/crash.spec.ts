// SPEC §5/§8 crashes: real cscert processes request, import and assign in a loop against one
// store and are killed with SIGKILL at random moments, four at a time, two hundred times. Each
// prints a line after every command it completed; those lines are the acknowledgement log.
// Afterwards the store must open, hold every acknowledged change, and show nothing half-written.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, cscertBin, runCli, tempDir } from '../support/cli.js';
import { makeLeaf } from '../certs/helpers.js';
import { thumbprintOf, toPem } from '../../lib/certs/index.js';
import { auditStore } from './crash-audit.js';

const ROUNDS = 50;
const AT_ONCE = 4;
const FILES_PER_PROCESS = 3;

/** The loop each process runs until it is killed: request+assign, import, assign. */
function workerScript(files: { path: string; thumbprint: string }[]): string {
  const list = files.map((f) => `@('${f.path}','${f.thumbprint}')`).join(',');
  return `$files = @(${list})
for ($i = 0; $true; $i++) {
  $r = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -Assign
  "ACK REQ $($r.Thumbprint)"
  $f = $files[$i % $files.Count]
  Import-CsCertificate -Path $f[0] | Out-Null
  "ACK IMP $($f[1])"
  Set-CsCertificate -Type WebServicesInternal,WebServicesExternal -Thumbprint $r.Thumbprint
  "ACK SET $($r.Thumbprint)"
}`;
}

/** Runs the script and kills it after `delayMs`; resolves with what it printed by then. */
function runAndKill(script: string, env: NodeJS.ProcessEnv, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cscertBin, '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('close', () => { clearTimeout(timer); resolve(out); });
  });
}

describe('store under crashes', function () {
  this.timeout(120_000);
  const dir = tempDir('cscert-crash-');
  const env = cleanEnv(dir);
  const root = env.CSCERT_STORE!;
  const acknowledged = { requested: new Set<string>(), imported: new Set<string>(), assigned: [] as string[] };
  let kills = 0;

  before(async () => {
    // The store and the embedded CA exist before the first kill: creating them is not the subject.
    expect(runCli(['-c', 'Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 | Out-Null'], { env }).status).to.equal(0);
    const leaves: { path: string; thumbprint: string }[] = [];
    for (let i = 0; i < ROUNDS * AT_ONCE * FILES_PER_PROCESS; i++) {
      const { der, key } = await makeLeaf(`import${i}.litwareinc.com`);
      const path = join(dir, `leaf${i}.pem`);
      writeFileSync(path, toPem('CERTIFICATE', der) + key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      leaves.push({ path, thumbprint: thumbprintOf(der) });
    }
    for (let round = 0; round < ROUNDS; round++) {
      const outputs = await Promise.all(Array.from({ length: AT_ONCE }, (_, k) => {
        const first = (round * AT_ONCE + k) * FILES_PER_PROCESS;
        return runAndKill(workerScript(leaves.slice(first, first + FILES_PER_PROCESS)), env, 150 + Math.random() * 1100);
      }));
      kills += AT_ONCE;
      for (const line of outputs.join('').split('\n')) {
        const [ack, what, thumbprint] = line.trim().split(' ');
        if (ack !== 'ACK' || !thumbprint) continue;
        if (what === 'REQ') acknowledged.requested.add(thumbprint);
        else if (what === 'IMP') acknowledged.imported.add(thumbprint);
        else acknowledged.assigned.push(thumbprint);
      }
    }
  });

  it('killed hundreds of processes in the middle of their work, after they had acknowledged changes', () => {
    expect(kills).to.equal(ROUNDS * AT_ONCE);
    expect(acknowledged.requested.size + acknowledged.imported.size).to.be.greaterThan(0);
  });

  it('opens, with every file whole and the index, assignments and files in agreement', async () => {
    await auditStore(root);
  });

  it('holds every certificate a process acknowledged requesting or importing', async () => {
    const { my } = await auditStore(root);
    for (const thumbprint of [...acknowledged.requested, ...acknowledged.imported]) expect(my).to.include(thumbprint);
  });

  it('assigns only certificates it holds, and the CLI reads it', async () => {
    const { assigned, my } = await auditStore(root);
    for (const thumbprint of acknowledged.assigned) expect(my).to.include(thumbprint);
    expect([...assigned].every((t) => my.has(t))).to.equal(true);
    const listing = runCli(['-c', '(Get-ChildItem Cert:\\LocalMachine\\My).Count; (Get-CsCertificate).Count'], { env });
    expect(listing.status, listing.stderr).to.equal(0);
    expect(Number(listing.stdout.split('\n')[0])).to.equal(my.size);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));
});
