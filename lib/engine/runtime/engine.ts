// The state one Runspace shares across everything it runs: the commands, aliases and drives, the
// global scope, $Error and $?, the environment (also as the Env: drive) and the current directory
// with Push-Location's stack, the stop signal, loaded script files, and how a CmdletContext reaches
// the session and the host's services.
// Imports only lib/core, lib/engine/parser, lib/engine/cmdlet, Node built-ins and sibling modules.

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { ErrorRecord, ShellError } from '../../core/errors.js';
import { makeSource } from '../../core/span.js';
import type { CmdletDefinition } from '../cmdlet/define.js';
import type { CmdletContext, CommandInfo, DriveProvider, Services, SessionServices } from '../cmdlet/context.js';
import type { ScriptBlockAst } from '../parser/ast.js';
import { parseScript } from '../parser/index.js';
import type { RuntimeOptions } from './api.js';
import { initAutomatic, PREFERENCES } from './automatic.js';
import { envDrive } from './env-drive.js';
import type { FunctionInfo } from './functions.js';
import { Scope } from './scopes.js';
import { ErrorSignal } from './signals.js';

export class Engine {
  readonly global: Scope;
  readonly cmdlets = new Map<string, CmdletDefinition>();
  readonly aliases = new Map<string, string>();
  /** Errors written (shown or not) so far: a pipeline that added one sets $? to false. */
  errorCount = 0;
  lastStatus = true;
  /** The session's current directory: Set-Location changes it, relative paths resolve against it. */
  cwd: string;
  /** Push-Location's stack, most recent last. */
  readonly locations: string[] = [];
  stopping = false;
  private controller = new AbortController();
  private readonly errors: ErrorRecord[] = [];
  private readonly scripts = new Map<string, { mtime: number; ast: ScriptBlockAst }>();
  private readonly serviceKeys: string[];
  private env?: DriveProvider;

  constructor(readonly options: RuntimeOptions) {
    for (const d of options.commands) {
      this.cmdlets.set(d.name.toLowerCase(), d);
      for (const a of d.aliases ?? []) this.aliases.set(a.toLowerCase(), d.name);
    }
    this.cwd = options.cwd;
    this.global = new Scope(null, 'global', this);
    initAutomatic(this.global, options);
    this.serviceKeys = serviceKeys(options.services);
  }

  get signal() { return this.controller.signal; }
  errorList() { return this.errors; }

  stop() { this.stopping = true; this.controller.abort(); }
  /** Before each run: a stop only ends the run it interrupted. */
  resetStop() {
    this.stopping = false;
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }
  stoppedError(): ErrorSignal {
    return new ErrorSignal(new ErrorRecord(new ShellError('PipelineStopped', 'OperationStopped', 'The pipeline has been stopped.',
      { exceptionType: 'System.Management.Automation.PipelineStoppedException' })), 'script');
  }

  getEnv(name: string): string | null {
    const env = this.options.env;
    if (name in env) return env[name] ?? null;
    const key = Object.keys(env).find(k => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? null : env[key] ?? null;
  }

  setEnv(name: string, value: string | null) {
    if (value === null || value === '') delete this.options.env[name];
    else this.options.env[name] = value;
  }

  /** A file-system path made absolute: `~` expanded, and `\` read as a separator, as PowerShell does on Linux. */
  resolvePath(path: string): string {
    const home = this.options.env.HOME ?? '';
    const native = sep === '/' ? path.replace(/\\/g, '/') : path;
    const expanded = native === '~' ? home : /^~\//.test(native) ? home + native.slice(1) : native;
    return isAbsolute(expanded) ? resolve(expanded) : resolve(this.cwd, expanded);
  }

  /** A scope that sees nothing of this session's variables (ForEach-Object -Parallel). */
  isolatedScope(): Scope {
    const scope = new Scope(null, 'global', this);
    initAutomatic(scope, this.options);
    for (const k of Object.keys(PREFERENCES)) scope.define(k, this.global.get(k.toLowerCase()));
    return new Scope(scope, 'script', this);
  }

  /** A script file's syntax tree, parsed again only when the file changed. */
  loadScript(path: string): ScriptBlockAst {
    const mtime = statSync(path).mtimeMs, cached = this.scripts.get(path);
    if (cached && cached.mtime === mtime) return cached.ast;
    const ast = parseScript(makeSource(path, readFileSync(path, 'utf8')));
    this.scripts.set(path, { mtime, ast });
    return ast;
  }

  commandInfos(scope: Scope): CommandInfo[] {
    const infos: CommandInfo[] = [];
    for (const [alias, target] of this.aliases) infos.push({ name: alias, commandType: 'Alias', resolvedName: target, source: '' });
    const seen = new Set<string>();
    for (let s: Scope | null = scope; s; s = s.parent)
      for (const [k, f] of s.functions) if (!seen.has(k)) {
        seen.add(k);
        const info = f as FunctionInfo;
        infos.push({ name: info.name, commandType: info.isFilter ? 'Filter' : 'Function', source: '' });
      }
    for (const d of this.cmdlets.values()) infos.push({ name: d.name, commandType: 'Cmdlet', definition: d, source: d.module ?? 'cscert' });
    return infos;
  }

  session(scope: Scope): SessionServices {
    const engine = this, o = this.options;
    return {
      commands: () => engine.commandInfos(scope),
      command: name => engine.commandInfos(scope).find(c => c.name.toLowerCase() === name.toLowerCase()),
      get cwd() { return engine.cwd; },
      setLocation: directory => { engine.cwd = directory; },
      pushLocation: () => { engine.locations.push(engine.cwd); },
      popLocation: () => { const d = engine.locations.pop(); if (d !== undefined) engine.cwd = d; return d; },
      resolvePath: p => engine.resolvePath(p),
      drive: name => o.drives?.find(d => d.name.toLowerCase() === name.toLowerCase())
        ?? (name.toLowerCase() === 'env' ? (engine.env ??= envDrive(engine)) : undefined),
      getVariable: name => scope.get(name.toLowerCase()),
      setVariable: (name, value) => { scope.set(name, value); },
      isInteractive: o.isInteractive,
      renderText: (objects, options) => o.renderText(objects, options),
      readLine: (prompt, options) => o.readLine(prompt, options),
    };
  }

  /** The host's services on a context, read through getters so that lazy ones stay lazy. */
  withServices(ctx: Omit<CmdletContext, Exclude<keyof Services, 'now'>>): CmdletContext {
    const services = this.options.services as Record<string, unknown>;
    for (const key of this.serviceKeys) {
      if (key in ctx) continue;
      Object.defineProperty(ctx, key, {
        enumerable: true,
        get: () => { const v = services[key]; return typeof v === 'function' ? (v as Function).bind(services) : v; },
      });
    }
    return ctx as CmdletContext;   // the host's services complete it
  }
}

function serviceKeys(services: object): string[] {
  const keys = new Set<string>();
  for (let o: object | null = services; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
    for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor') keys.add(k);
  return [...keys];
}
