// A small CmdletContext for unit-testing the built-in cmdlets without the runtime: it records what
// a cmdlet writes to each stream, answers ShouldProcess as told, and runs "script blocks" that hold
// a JavaScript function. `run` drives a definition the way the runtime does: begin, process once
// per input object (or once with nothing piped), end, and collects the output.

import * as path from 'node:path';
import { PSObject } from '../../../lib/core/values.js';
import type { ShellError } from '../../../lib/core/errors.js';
import {
  ALL_SETS, ScriptBlock, type CmdletContext, type CmdletDefinition, type DriveProvider, type HostWriteOptions,
  type InvokeOptions, type ProgressRecord, type Services, type SessionServices,
} from '../../../lib/engine/cmdlet/index.js';

type BlockFn = (options: InvokeOptions) => unknown;
const functions = new WeakMap<ScriptBlock, BlockFn>();

/** A script block whose body is a JS function; its return value is its output (an array: several objects). */
export function fakeBlock(fn: BlockFn, text = '$_'): ScriptBlock {
  const ast = { kind: 'ScriptBlock', attributes: [], text } as unknown as ScriptBlock['ast'];
  const block = new ScriptBlock(ast);
  functions.set(block, fn);
  return block;
}

export interface FakeOptions {
  cwd?: string;
  now?: Date;
  parameterSetName?: string;
  bound?: string[];
  drives?: Record<string, DriveProvider>;
  variables?: Record<string, unknown>;
  /** false: -WhatIf (every shouldProcess answers no). */
  shouldProcess?: boolean;
  shouldContinue?: boolean;
  readLine?: (prompt: string, options?: { secure?: boolean }) => Promise<string>;
}

/** The context minus the services other modules plug in (the certificate store...): built-ins never use them. */
type BuiltinContext = Omit<CmdletContext, Exclude<keyof Services, 'now'>>;

export class FakeContext implements BuiltinContext {
  readonly errors: ShellError[] = [];
  readonly warnings: string[] = [];
  readonly verbose: string[] = [];
  readonly debug: string[] = [];
  readonly host: { text: string; options?: HostWriteOptions }[] = [];
  readonly progress: ProgressRecord[] = [];
  readonly processed: { target: string; action: string }[] = [];
  readonly invocations: InvokeOptions[] = [];
  readonly controller = new AbortController();
  stoppedUpstream = false;
  commandName = 'Test-Command';
  parameterSetName: string;
  bound: Set<string>;
  readonly session: SessionServices;

  constructor(readonly options: FakeOptions = {}) {
    this.parameterSetName = options.parameterSetName ?? ALL_SETS;
    this.bound = new Set((options.bound ?? []).map(b => b.toLowerCase()));
    this.session = fakeSession(options);
  }

  get signal() { return this.controller.signal; }
  now() { return this.options.now ?? new Date(2030, 0, 1, 12, 0, 0); }
  isBound(name: string) { return this.bound.has(name.toLowerCase()); }
  writeError(e: ShellError) { this.errors.push(e); }
  writeWarning(t: string) { this.warnings.push(t); }
  writeVerbose(t: string) { this.verbose.push(t); }
  writeDebug(t: string) { this.debug.push(t); }
  writeHost(text: string, options?: HostWriteOptions) { this.host.push({ text, options }); }
  writeProgress(r: ProgressRecord) { this.progress.push(r); }
  async shouldProcess(target: string, action: string) {
    this.processed.push({ target, action });
    return this.options.shouldProcess ?? true;
  }
  async shouldContinue() { return this.options.shouldContinue ?? false; }
  stopUpstream() { this.stoppedUpstream = true; }
  /** As the full context type, whose other services the built-ins never touch. */
  asContext(): CmdletContext { return this as unknown as CmdletContext; }
  async invoke(block: ScriptBlock, options: InvokeOptions = {}): Promise<unknown[]> {
    const fn = functions.get(block);
    if (!fn) throw new Error('fake invoke: not a fakeBlock');
    this.invocations.push(options);
    const result = await fn(options);
    return result === undefined ? [] : Array.isArray(result) ? result : [result];
  }
}

function fakeSession(o: FakeOptions): SessionServices {
  const variables = new Map(Object.entries(o.variables ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  let cwd = o.cwd ?? '/';
  const stack: string[] = [];
  return {
    commands: () => [], command: () => undefined, isInteractive: false,
    get cwd() { return cwd; },
    setLocation: d => { cwd = d; },
    pushLocation: () => { stack.push(cwd); },
    popLocation: () => { const d = stack.pop(); if (d !== undefined) cwd = d; return d; },
    resolvePath: p => path.resolve(cwd, p.replace(/\\/g, '/')),
    drive: name => o.drives?.[name] ?? o.drives?.[Object.keys(o.drives ?? {}).find(k => k.toLowerCase() === name.toLowerCase()) ?? ''],
    getVariable: name => variables.get(name.toLowerCase()),
    setVariable: (name, value) => { variables.set(name.toLowerCase(), value); },
    renderText: objects => objects.map(String).join('\n') + '\n',
    readLine: o.readLine ?? (() => Promise.reject(new Error('no terminal'))),
  };
}

async function collect(result: unknown, into: unknown[]) {
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    for await (const x of result as AsyncIterable<unknown>) into.push(x);
  } else if (result && typeof result === 'object' && Symbol.iterator in result) {
    for (const x of result as Iterable<unknown>) into.push(x);
  } else await result;
}

export interface RunOptions extends FakeOptions {
  /** Objects piped in, one process call each. */
  input?: unknown[];
  /** The parameter pipeline objects bind to (default InputObject). */
  pipe?: string;
}

/** Runs a cmdlet as the runtime would; returns its output and the context (streams, errors). */
export async function run(def: CmdletDefinition<any>, args: Record<string, unknown>, options: RunOptions = {}) {
  const pipe = options.pipe ?? 'InputObject';
  const bound = [...Object.keys(args).filter(k => args[k] !== undefined), ...(options.input ? [pipe] : []), ...(options.bound ?? [])];
  const fake = new FakeContext({ ...options, bound, parameterSetName: options.parameterSetName ?? def.defaultParameterSet ?? ALL_SETS });
  const ctx = fake.asContext();
  const output: unknown[] = [];
  await collect(def.begin?.(args as never, ctx), output);
  if (options.input) for (const item of options.input) await collect(def.process?.({ ...args, [pipe]: item } as never, ctx), output);
  else await collect(def.process?.(args as never, ctx), output);
  await collect(def.end?.(args as never, ctx), output);
  return { output, ctx: fake };
}

export const THUMB = 'A'.repeat(40);

/** A Cert: drive holding LocalMachine\My with one certificate; removeItem records what it was asked to remove. */
export function fakeCertDrive(removed: string[][] = []): DriveProvider {
  const cert = new PSObject({ Thumbprint: THUMB, Subject: 'CN=pool1', PSChildName: THUMB },
    ['System.Security.Cryptography.X509Certificates.X509Certificate2']);
  const stores: Record<string, unknown[]> = { '': [new PSObject({ PSChildName: 'LocalMachine' })],
    localmachine: [new PSObject({ PSChildName: 'My' })], 'localmachine/my': [cert] };
  const key = (parts: string[]) => parts.join('/').toLowerCase();
  return {
    name: 'Cert', description: 'certificates',
    childItems: async (parts, { recurse }) => (recurse && parts.length === 0 ? [...stores[''], ...stores.localmachine, cert] : stores[key(parts)]),
    item: async parts => (key(parts) === `localmachine/my/${THUMB.toLowerCase()}` ? cert
      : stores[key(parts)] ? new PSObject({ PSChildName: parts.at(-1) }) : undefined),
    removeItem: async parts => { removed.push(parts); },
  };
}
