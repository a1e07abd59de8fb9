// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the top functions by self time and the
// source files by self time, with positions in dist/cscert-main.cjs mapped back to the
// TypeScript through the bundle's source map. This is what BENCHMARKS.md quotes for each miss.
// Run: node --import tsx bench/top-frames.ts <file.cpuprofile> [rows]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const maps = new Map<string, SourceMap | undefined>();
function sourceMapFor(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    maps.set(url, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : undefined);
  }
  return maps.get(url);
}

/** "function (file:line)", the TypeScript position when the frame is in the bundle. */
function place(frame: ProfileNode['callFrame']): { name: string; file: string } {
  const entry = frame.url && sourceMapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const file = entry && 'originalSource' in entry ? entry.originalSource.replace(/^.*?\/(lib|cmdlets|bin|node_modules)\//, '$1/') : frame.url.replace(/^.*\/node_modules\//, 'node_modules/').replace(/^file:\/\/.*\/dist\//, 'dist/');
  const line = entry && 'originalLine' in entry ? entry.originalLine + 1 : frame.lineNumber + 1;
  return { name: `${frame.functionName || '(anonymous)'} (${file || '(native)'}:${line})`, file: file || `(${frame.functionName})` };
}

export function summarise(profile: Profile, rows = 15): string {
  const byNode = new Map(profile.nodes.map(n => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byFunction = new Map<string, number>(), byFile = new Map<string, number>(), inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { name, file } = place(byNode.get(id)!.callFrame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const onStack = new Set<string>();   // each function once per sample, however deep it recurses
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(place(byNode.get(at)!.callFrame).name);
    for (const frame of onStack) if (!frame.includes('(native)') && !frame.startsWith('(root)')) inclusive.set(frame, (inclusive.get(frame) ?? 0) + ms);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(9)} ms ${(100 * ms / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  const ours = new Map([...inclusive].filter(([name]) => /\((lib|cmdlets|bin)\//.test(name)));
  return `profile: ${total.toFixed(0)} ms\n-- self time by function\n${top(byFunction)}\n-- self time by file\n${top(byFile)}` +
    `\n-- total time (self + callees) of cscert's own functions\n${top(ours)}`;
}

if (process.argv[1] === import.meta.filename)
  console.log(summarise(JSON.parse(readFileSync(process.argv[2]!, 'utf8')), Number(process.argv[3] ?? 15)));
