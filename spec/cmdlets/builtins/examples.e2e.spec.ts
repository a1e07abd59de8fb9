// The built-in cmdlets end to end through the real runtime (parser, binder, pipeline) in a temp
// directory with the clock pinned. (Their declared examples run in spec/cmdlets/examples.spec.ts.)

import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeSource } from '../../../lib/core/span.js';
import type { ErrorRecord } from '../../../lib/core/errors.js';
import { Runspace } from '../../../lib/engine/runtime/index.js';
import { builtinCmdlets } from '../../../cmdlets/builtins.js';
import { fakeCertDrive } from './fake-context.js';

async function runScript(code: string, cwd: string) {
  const output: unknown[] = [], errors: string[] = [];
  const runspace = new Runspace({
    commands: builtinCmdlets, drives: [fakeCertDrive()], services: { now: () => new Date(2030, 0, 1) },
    cwd, env: {}, isInteractive: false,
    readLine: () => Promise.reject(new Error('no terminal')), confirm: async () => true,
    renderText: objects => objects.map(String).join('\n') + '\n',
    sink: {
      output: v => { output.push(v); }, error: (r: ErrorRecord) => { errors.push(`${r.error.id}: ${r.error.message}`); },
      warning() {}, verbose() {}, debug() {}, information() {}, progress() {},
    },
  });
  const result = await runspace.run(makeSource('<example>', code));
  if (result.terminatingError) errors.push(`${result.terminatingError.error.id}: ${result.terminatingError.error.message}`);
  return { output, errors };
}

describe('built-in cmdlets through the binder, end to end', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'cscert-e2e-')); });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const cases: ReadonlyArray<readonly [string, unknown[]]> = [
    ["1..3 | % { $_ + 1 }", [2, 3, 4]],
    ["'b','a' | sort", ['a', 'b']],
    ["1..10 | select -First 2 -Skip 1", [2, 3]],
    ["1..1000000 | Select-Object -First 3", [1, 2, 3]],
    ["@([pscustomobject]@{N='x'; V=1}, [pscustomobject]@{N='y'; V=2}) | ? V -gt 1 | % N", ['y']],
    ["'a','bb','cc' | group Length | % Count", [1, 2]],
    ["(1..4 | measure -Sum).Sum", [10]],
    ["Set-Content t.txt 'a','b','c'; Get-Content t.txt -First 2", ['a', 'b']],
    ["Set-Content t.txt 'a'; (gci -Name) -join ','", ['t.txt']],
    ["Split-Path 'a/b/c.pfx' -LeafBase", ['c']],
    ["Test-Path Cert:\\LocalMachine\\My", [true]],
    ["Get-Date -Date '2030-02-03' -Format 'dd/MM/yyyy'", ['03/02/2030']],
    ["Write-Error 'x' -ErrorAction SilentlyContinue; $?", [false]],
    ["try { Get-Content nope.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }", ['PathNotFound,Get-Content']],
    ["Import-Module SkypeForBusiness; 'ok'", ['ok']],
    ["$null = New-Item -ItemType Directory sub\\deep; Set-Content .\\sub\\deep\\x.txt 'a'; (gci -Recurse -File).FullName -like '*/sub/deep/x.txt'", [true]],
    ["Set-Content a.txt 'x'; gci *.txt | Get-Content", ['x']],
  ];
  for (const [code, expected] of cases) it(code, async () => {
    const { output, errors } = await runScript(code, dir);
    expect(errors).to.deep.equal([]);
    expect(JSON.parse(JSON.stringify(output))).to.deep.equal(expected);
  });
});
