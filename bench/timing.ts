// Timing helpers for the benchmarks: whole-process runs timed from outside (median of N after
// warm-up, as reference/perf-baselines.md measures), and a table printer.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Every process a benchmark starts is killed after this long, so a hung run cannot stall the set. */
export const PROCESS_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);

/** Wall-clock ms of one process run. */
export function timeProcess(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  return measureProcess(command, args, options).wallMs;
}

/**
 * Wall-clock and CPU ms (user + system, all threads, and any processes it waited for) of one run.
 * CPU time comes from this process's reaped-children counters in /proc/self/stat (10 ms ticks):
 * it stays honest when other work shares the machine, where wall time does not.
 */
export function measureProcess(command: string, args: string[], options: SpawnSyncOptions = {}): { wallMs: number; cpuMs: number } {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: PROCESS_TIMEOUT_MS, ...options });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  if (String(r.stderr ?? '').trim()) throw new Error(`${command} ${args.join(' ')} wrote errors: ${String(r.stderr).slice(0, 2000)}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore };
}

const TICK_MS = 10;   // getconf CLK_TCK is 100 on Linux
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;   // cutime, cstime (fields 16 and 17)
  } catch { return NaN; }
}

export const median = (values: number[]) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** 'pass' or 'MISS', for the target column. */
export const verdict = (passed: boolean) => (passed ? 'pass' : 'MISS');

/** Runs the commands interleaved (so machine noise hits all alike); median, min and max of each, and median and mean CPU ms
 * (the mean for short runs: CPU time comes in 10 ms ticks). */
export type ProcessSpec = [label: string, command: string, args: string[]];
export function compareProcesses(commands: ProcessSpec[], { runs = 20, warmup = 3, env = process.env, cwd = process.cwd() } = {}) {
  const samples: number[][] = commands.map(() => []), cpu: number[][] = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) commands.forEach(([, command, args], i) => {
    const { wallMs, cpuMs } = measureProcess(command, args, { env, cwd });
    if (round >= warmup) { samples[i].push(wallMs); cpu[i].push(cpuMs); }
  });
  return commands.map(([label], i) => ({ label, median: median(samples[i]), min: Math.min(...samples[i]), max: Math.max(...samples[i]),
    cpuMedian: median(cpu[i]), cpuMean: cpu[i].reduce((a, b) => a + b, 0) / cpu[i].length }));
}

export function printTable(title: string, rows: Record<string, unknown>[], columns: string[]) {
  console.log(`\n${title}`);
  const widths = columns.map(c => Math.max(c.length, ...rows.map(r => String(r[c]).length)));
  console.log(columns.map((c, i) => c.padEnd(widths[i])).join('  '));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(columns.map((c, i) => String(r[c]).padEnd(widths[i])).join('  '));
}

/** The environment start-up is measured in: NODE_EXTRA_CA_CERTS unset (SPEC §8). */
export function cleanEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
