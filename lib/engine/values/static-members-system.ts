// Static members that reach the machine: [Environment], [System.IO.Path], [System.IO.File],
// [System.IO.Directory], [System.Net.Dns], plus [guid] and [version]. .NET resolves a relative
// file path against the process directory, a classic surprise; here the runtime may hand in the
// session's resolver (setPathResolver) so [IO.File]::Exists('x') means what Test-Path x means.
// Imports only lib/core, Node built-ins and sibling modules.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { StaticMember } from './type.js';
import { argStr } from './member-table.js';
import { DotNetException, argumentError } from './dotnet-errors.js';
import { Guid, Version } from './dotnet-objects.js';

const call = (f: (args: unknown[]) => unknown): StaticMember => ({ call: f });
const prop = (get: () => unknown): StaticMember => ({ get });

let resolvePath = (p: string) => path.resolve(p);
export function setPathResolver(resolve: (p: string) => string) { resolvePath = resolve; }

export const environmentStatics: Record<string, StaticMember> = {
  MachineName: prop(() => os.hostname().split('.')[0]),
  UserName: prop(() => os.userInfo().username),
  UserDomainName: prop(() => os.hostname().split('.')[0]),
  NewLine: prop(() => os.EOL),
  ProcessorCount: prop(() => os.cpus().length),
  Is64BitOperatingSystem: prop(() => /64/.test(os.arch())),
  Is64BitProcess: prop(() => /64/.test(os.arch())),
  CurrentDirectory: prop(() => resolvePath('.')),
  OSVersion: prop(() => ({ Platform: os.platform() === 'win32' ? 'Win32NT' : 'Unix', VersionString: `${os.type()} ${os.release()}`, Version: os.release() })),
  TickCount: prop(() => Math.floor(os.uptime() * 1000) | 0),
  GetEnvironmentVariable: call(([name]) => process.env[argStr(name)] ?? null),
  SetEnvironmentVariable: call(([name, value]) => {
    if (value === null || value === undefined || value === '') delete process.env[argStr(name)];
    else process.env[argStr(name)] = argStr(value);
    return undefined;
  }),
};

const ext = (p: string) => { const e = path.extname(p); return e === '.' ? '' : e; };

/** Path.Combine: a rooted later part starts the path over, as in .NET. */
function combine(parts: unknown[]): string {
  const list = (parts.length === 1 && Array.isArray(parts[0]) ? parts[0] : parts).map(argStr);
  return list.reduce((acc, part) => !acc || path.isAbsolute(part) ? part
    : acc.endsWith(path.sep) || acc.endsWith('/') ? acc + part : acc + path.sep + part, '');
}

export const pathStatics: Record<string, StaticMember> = {
  DirectorySeparatorChar: prop(() => path.sep),
  PathSeparator: prop(() => path.delimiter),
  Combine: call(combine),
  Join: call(combine),
  GetFileName: call(([p]) => p === null ? null : path.basename(argStr(p)) && /[\\/]$/.test(argStr(p)) ? '' : path.basename(argStr(p))),
  GetExtension: call(([p]) => p === null ? null : ext(argStr(p))),
  GetFileNameWithoutExtension: call(([p]) => p === null ? null : path.basename(argStr(p), ext(argStr(p)))),
  GetDirectoryName: call(([p]) => { const s = argStr(p); const d = path.dirname(s); return s === '' || d === s ? null : d === '.' && !/[\\/]/.test(s) ? '' : d; }),
  GetTempPath: call(() => os.tmpdir() + path.sep),
  GetTempFileName: call(() => { const f = path.join(os.tmpdir(), `tmp${randomBytes(3).toString('hex').toUpperCase()}.tmp`); fs.writeFileSync(f, ''); return f; }),
  GetRandomFileName: call(() => `${randomBytes(4).toString('hex')}.${randomBytes(2).toString('hex').slice(0, 3)}`),
  GetFullPath: call(([p]) => resolvePath(argStr(p))),
  IsPathRooted: call(([p]) => path.isAbsolute(argStr(p))),
  HasExtension: call(([p]) => ext(argStr(p)) !== ''),
  ChangeExtension: call(([p, e]) => { const s = argStr(p); const base = s.slice(0, s.length - ext(s).length); return e === null ? base : base + (argStr(e).startsWith('.') ? argStr(e) : '.' + argStr(e)); }),
  GetInvalidFileNameChars: call(() => ['/', '\0']),
};

/** Runs a file operation, reporting Node's errors as .NET's IOException family. */
function io<T>(p: string, body: (full: string) => T): T {
  const full = resolvePath(p);
  try { return body(full); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DotNetException('System.IO.FileNotFoundException', `Could not find file '${full}'.`);
    if (code === 'EACCES' || code === 'EPERM') throw new DotNetException('System.UnauthorizedAccessException', `Access to the path '${full}' is denied.`);
    throw new DotNetException('System.IO.IOException', (e as Error).message);
  }
}

const lines = (v: unknown) => (Array.isArray(v) ? v : [v]).map(x => argStr(x) + os.EOL).join('');

export const fileStatics: Record<string, StaticMember> = {
  Exists: call(([p]) => p !== null && argStr(p) !== '' && fs.existsSync(resolvePath(argStr(p))) && fs.statSync(resolvePath(argStr(p))).isFile()),
  ReadAllText: call(([p]) => io(argStr(p), f => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))),
  ReadAllLines: call(([p]) => io(argStr(p), f => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l, i, a) => i < a.length - 1 || l !== ''))),
  ReadAllBytes: call(([p]) => io(argStr(p), f => [...fs.readFileSync(f)])),
  WriteAllText: call(([p, text]) => io(argStr(p), f => { fs.writeFileSync(f, argStr(text)); return undefined; })),
  WriteAllLines: call(([p, ls]) => io(argStr(p), f => { fs.writeFileSync(f, lines(ls)); return undefined; })),
  AppendAllText: call(([p, text]) => io(argStr(p), f => { fs.appendFileSync(f, argStr(text)); return undefined; })),
  Delete: call(([p]) => io(argStr(p), f => { fs.rmSync(f, { force: true }); return undefined; })),
  Copy: call(([a, b, overwrite]) => io(argStr(a), f => { fs.copyFileSync(f, resolvePath(argStr(b)), overwrite === true ? 0 : fs.constants.COPYFILE_EXCL); return undefined; })),
};

export const directoryStatics: Record<string, StaticMember> = {
  Exists: call(([p]) => p !== null && argStr(p) !== '' && fs.existsSync(resolvePath(argStr(p))) && fs.statSync(resolvePath(argStr(p))).isDirectory()),
  CreateDirectory: call(([p]) => io(argStr(p), f => { fs.mkdirSync(f, { recursive: true }); return undefined; })),
  GetCurrentDirectory: call(() => resolvePath('.')),
};

export const dnsStatics: Record<string, StaticMember> = {
  GetHostName: call(() => os.hostname()),
};

export const guidStatics: Record<string, StaticMember> = {
  Empty: prop(() => Guid.Empty),
  NewGuid: call(() => Guid.newGuid()),
  Parse: call(([s]) => Guid.parse(argStr(s))),
  new: call(([s]) => s === undefined ? Guid.Empty : Guid.parse(argStr(s))),
};

export const versionStatics: Record<string, StaticMember> = {
  Parse: call(([s]) => Version.parse(argStr(s))),
  new: call(args => {
    if (args.length === 1) return Version.parse(argStr(args[0]));
    const n = args.map(Number);
    if (n.length < 2 || n.some(x => !Number.isInteger(x) || x < 0)) throw argumentError('Version components must be non-negative integers.');
    return new Version(n[0], n[1], n[2] ?? -1, n[3] ?? -1);
  }),
};
