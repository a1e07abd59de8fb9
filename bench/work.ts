// Where benchmarks put what they make (stores, peer CAs, profiles): $BENCH_WORK, else
// <os tmpdir>/cscert-bench, never the repository. Also how a benchmark runs the built cscert:
// from a clean folder with its own store, so no configuration file of the repo is picked up, and
// from a copy of dist/ taken when the benchmark starts: other engineers rebuild dist/ (deleting
// it first) while a benchmark runs. The copy finds node_modules through a link beside it.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, execSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnvironment, PROCESS_TIMEOUT_MS, type ProcessSpec } from './timing.js';

export const workRoot = process.env.BENCH_WORK ?? join(tmpdir(), 'cscert-bench');
export const cscertBinary = snapshotDist();

function snapshotDist(): string {
  const repo = join(import.meta.dirname, '..');
  const copy = join(workRoot, `dist-${process.pid}`);
  mkdirSync(workRoot, { recursive: true });
  for (const name of readdirSync(workRoot).filter(name => /^dist-\d+$/.test(name)))   // left by a killed run
    if (!isRunning(Number(name.slice(5)))) rmSync(join(workRoot, name), { recursive: true, force: true });
  cpSync(join(repo, 'dist'), copy, { recursive: true });
  if (!existsSync(join(workRoot, 'node_modules'))) symlinkSync(join(repo, 'node_modules'), join(workRoot, 'node_modules'));
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  return join(copy, 'cscert.cjs');
}

function isRunning(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/**
 * Runs a bench script that imports lib/ (the domain API) against the last commit's lib/, copied
 * to the work dir: the working tree's lib/ is often mid-edit by other engineers. Returns stdout.
 */
export function runOnCommittedLib(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const repo = join(import.meta.dirname, '..');
  const source = join(workRoot, `src-${process.pid}`);
  if (!existsSync(source)) {
    mkdirSync(join(source, 'bench'), { recursive: true });
    execSync(`git -C ${JSON.stringify(repo)} archive HEAD lib package.json tsconfig.json | tar -x -C ${JSON.stringify(source)}`);
    cpSync(join(import.meta.dirname), join(source, 'bench'), { recursive: true });
    process.once('exit', () => throwAway(source));
  }
  const tsx = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return String(execFileSync(process.execPath, ['--import', tsx, join(source, 'bench', script), ...args],
    { env: options.env ?? process.env, cwd: options.cwd ?? workRoot, timeout: PROCESS_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'inherit'] }));
}

/**
 * Where what a benchmark no longer needs goes instead of being deleted. On a file system mounted
 * with online discard (this machine's ext4), deleting thousands of files makes the file
 * creations and syncs of the next seconds 5-15x slower, which a benchmark started meanwhile would
 * measure (BENCHMARKS.md, Method); run.mjs empties the trash before the first benchmark and waits
 * for the device's discards to end.
 */
export const trash = join(workRoot, 'trash');
let thrown = 0;

/** Moves a folder to the trash (one rename), if it exists. */
export function throwAway(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${process.pid}-${++thrown}`));
}

/** An empty folder under the work root (one left by an earlier run goes to the trash). */
export function freshDir(name: string): string {
  const dir = join(workRoot, name);
  throwAway(dir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The environment a benchmark runs cscert in: this store, NODE_EXTRA_CA_CERTS unset. */
export const cscertEnvironment = (store: string) => cleanEnvironment({ CSCERT_STORE: store });

/** A timed row that runs `cscert -c code`. */
export const cscertCommand = (label: string, code: string): ProcessSpec => [label, process.execPath, [cscertBinary, '-c', code]];

/** How many certificates (with private keys) the store's My folder holds. */
export function certificatesInMy(store: string): number {
  try { return readdirSync(join(store, 'My')).filter(name => name.endsWith('.key.pem')).length; } catch { return 0; }
}
