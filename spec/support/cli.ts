// Runs the built cscert (dist/, made by `npm test` before mocha) as a user would: a real process,
// real files, real terminal when asked. Shared by the end-to-end specs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const cscertBin = join(projectRoot, 'dist', 'cscert.cjs');

export interface CliResult { stdout: string; stderr: string; status: number }

/** A fresh temporary directory (for a store, a history file, scripts). */
export const tempDir = (prefix = 'cscert-') => mkdtempSync(join(tmpdir(), prefix));

/** Environment for a hermetic run: its own store and history, no colours. */
export function cleanEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CSCERT_STORE: join(dir, 'store'), CSCERT_HISTORY: join(dir, 'history'),
    XDG_DATA_HOME: join(dir, 'data'), HOME: dir, NO_COLOR: '1', ...extra };
  delete env.CSCERT_CONFIG;
  return env;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [cscertBin, ...args], {
    cwd: options.cwd ?? projectRoot, env: options.env ?? cleanEnv(tempDir()), input: options.input ?? '', encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

export type PtyStep = { send: string; pause?: number } | { expect: string; timeout?: number };
export interface PtyResult { ok: boolean; output: string; failed: PtyStep | null; exitCode: number | null }

/** Plays a conversation with `cscert` on a real pseudo-terminal (spec/support/pty-driver.py). */
export function runOnTerminal(steps: PtyStep[], options: { cwd?: string; env: NodeJS.ProcessEnv; args?: string[] }): Promise<PtyResult> {
  return new Promise((done, fail) => {
    const child = spawn('python3', [join(projectRoot, 'spec/support/pty-driver.py'), process.execPath, cscertBin, ...(options.args ?? [])],
      { cwd: options.cwd ?? projectRoot, env: options.env });
    let out = '';
    child.stdout.on('data', d => { out += d; });
    child.on('error', fail);
    child.on('close', () => { try { done(JSON.parse(out)); } catch { fail(new Error(`pty driver printed: ${out}`)); } });
    child.stdin.end(JSON.stringify(steps));
  });
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
