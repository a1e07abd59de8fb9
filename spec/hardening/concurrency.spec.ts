// SPEC §5/§8 concurrency: eight cscert processes request and assign fifty P-256 certificates
// each against one store at the same time. Nothing may be lost: all 400 certificates are in the
// store, and the assignment table names only certificates the store holds, chained sensibly.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cleanEnv, cscertBin, runCli, tempDir, type CliResult } from '../support/cli.js';
import { auditStore, type Audit } from './crash-audit.js';

const PROCESSES = 8;
const EACH = 50;

const script = `$types = 'Default','WebServicesInternal','WebServicesExternal'
1..${EACH} | ForEach-Object {
  $r = Request-CsCertificate -New -Type $types -KeyAlg ECDH_P256 -Assign
  Set-CsCertificate -Type $types -Thumbprint $r.Thumbprint
  "ACK $($r.Thumbprint) $($r.RequestId)"
}`;

function run(env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cscertBin, '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
}

describe('store under concurrent processes', function () {
  this.timeout(120_000);
  const dir = tempDir('cscert-concurrency-');
  const env = cleanEnv(dir);
  let results: CliResult[];
  let acknowledged: { thumbprint: string; requestId: string }[];
  let audit: Audit;

  before(async () => {
    // The store and the embedded CA exist first: eight processes creating one CA is another test.
    expect(runCli(['-c', 'Get-CsCertificateAuthority | Out-Null'], { env }).status).to.equal(0);
    results = await Promise.all(Array.from({ length: PROCESSES }, () => run(env)));
    acknowledged = results.flatMap((r) => r.stdout.split('\n').filter((l) => l.startsWith('ACK ')))
      .map((line) => { const [, thumbprint, requestId] = line.split(' '); return { thumbprint: thumbprint!, requestId: requestId! }; });
    audit = await auditStore(env.CSCERT_STORE!);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lets every process finish without an error', () => {
    for (const result of results) expect({ status: result.status, stderr: result.stderr }).to.deep.equal({ status: 0, stderr: '' });
    expect(acknowledged).to.have.length(PROCESSES * EACH);
  });

  it('ends with all 400 certificates in the store, each with its own request id', () => {
    expect(new Set(acknowledged.map((a) => a.thumbprint)).size).to.equal(PROCESSES * EACH);
    expect(new Set(acknowledged.map((a) => a.requestId)).size).to.equal(PROCESSES * EACH);
    for (const { thumbprint } of acknowledged) expect(audit.my).to.include(thumbprint);
    expect(audit.my.size).to.equal(PROCESSES * EACH);
  });

  it('keeps an assignment table of certificates it holds: one current per usage, a different previous', async () => {
    const views = await audit.store.assignments();
    expect(views.map((v) => v.usage).sort()).to.include.members(['Default', 'WebServicesExternal', 'WebServicesInternal']);
    const ours = new Set(acknowledged.map((a) => a.thumbprint));
    for (const view of views) {
      expect(ours).to.include(view.thumbprint);
      expect(ours).to.include(view.previousThumbprint);
      expect(view.previousThumbprint).to.not.equal(view.thumbprint);
    }
  });
});
