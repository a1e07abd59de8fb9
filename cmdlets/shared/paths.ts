// Paths as the file cmdlets read them: file-system paths (relative to the session's directory, with
// `~`, provider-qualified 'FileSystem::' prefixes and wildcards) and `Cert:` and `Env:` paths,
// which go to the session's Cert and Env drives split into parts. Also the errors PowerShell gives
// for missing items. Uses node:fs for wildcard expansion only; never the process's own cwd.
// Imports only lib/core, lib/engine/cmdlet, Node built-ins and sibling helpers.

import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ShellError } from '../../lib/core/errors.js';
import type { CmdletContext, DriveProvider } from '../../lib/engine/cmdlet/index.js';
import { hasWildcard, wildcardToRegExp } from './values.js';

export type ProviderPath = { kind: 'cert' | 'env'; parts: string[]; text: string } | { kind: 'fs'; path: string };

const CERT = /^(?:Microsoft\.PowerShell\.Security\\)?(?:Certificate::|Cert:)(.*)$/is;
const FILE_SYSTEM = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i;
const ENV = /^(?:Microsoft\.PowerShell\.Core\\)?(?:Environment::|Env:)(.*)$/is;

/** Which provider a path belongs to, with the provider qualifier removed. */
export function parsePath(text: string): ProviderPath {
  const cert = CERT.exec(text);
  if (cert) return { kind: 'cert', parts: cert[1].split(/[\\/]+/).filter(Boolean), text };
  const env = ENV.exec(text);
  if (env) return { kind: 'env', parts: env[1].split(/[\\/]+/).filter(Boolean), text };
  return { kind: 'fs', path: text.replace(FILE_SYSTEM, '') };
}

/** A Cert: path as PowerShell prints it: 'Cert:\LocalMachine\My'. */
export const certPathText = (parts: readonly string[]) => ['Cert:', ...parts].join('\\') + (parts.length ? '' : '\\');

/** Scripts written on Windows say `.\file` and `dir\sub`: on POSIX, as in PowerShell there, '\' separates too. */
const toNativeSeparators = (text: string) => (path.sep === '/' ? text.replace(/\\/g, '/') : text);

/** A file-system path made absolute against the session's directory. */
export function resolveFs(ctx: CmdletContext, text: string): string {
  return ctx.session.resolvePath(toNativeSeparators(text.replace(FILE_SYSTEM, '')));
}

export function certDrive(ctx: CmdletContext): DriveProvider {
  const drive = ctx.session.drive('Cert');
  if (!drive) throw new ShellError('DriveNotFound', 'ObjectNotFound',
    "Cannot find drive. A drive with the name 'Cert' does not exist.",
    { target: 'Cert', hint: 'The certificate store is not available in this session.',
      exceptionType: 'System.Management.Automation.DriveNotFoundException' });
  return drive;
}

export function pathNotFound(fullPath: string): ShellError {
  return new ShellError('PathNotFound', 'ObjectNotFound', `Cannot find path '${fullPath}' because it does not exist.`,
    { target: fullPath, hint: 'Check the spelling, or list what exists with Get-ChildItem.',
      exceptionType: 'System.Management.Automation.ItemNotFoundException' });
}

export async function exists(fullPath: string): Promise<boolean> {
  try { await stat(fullPath); return true; } catch { return false; }
}

/**
 * The absolute paths a -Path value names: itself when literal or free of wildcards (whether or not
 * it exists), else every existing match, sorted, possibly none.
 */
export async function expandFs(ctx: CmdletContext, text: string, literal = false): Promise<string[]> {
  const full = resolveFs(ctx, text);
  if (literal || !hasWildcard(full)) return [full];
  const root = path.parse(full).root;
  let found = [root];
  for (const segment of full.slice(root.length).split(path.sep).filter(Boolean)) {
    const next: string[] = [];
    for (const dir of found) next.push(...await matchSegment(dir, segment));
    found = next;
  }
  return found;
}

async function matchSegment(dir: string, segment: string): Promise<string[]> {
  if (!hasWildcard(segment)) return (await exists(path.join(dir, segment))) ? [path.join(dir, segment)] : [];
  const pattern = wildcardToRegExp(segment);
  let names: string[];
  try { names = await readdir(dir); } catch { return []; }
  return names.filter(n => pattern.test(n)).sort((a, b) => a.localeCompare(b)).map(n => path.join(dir, n));
}

/** -Resolve: the existing full paths a path names (wildcards expanded); [] when none exists. */
export async function resolveExisting(ctx: CmdletContext, text: string, literal = false): Promise<string[]> {
  const parsed = parsePath(text);
  if (parsed.kind === 'cert') {
    const drive = ctx.session.drive('Cert');
    const found = parsed.parts.length === 0 || (drive && ((await drive.childItems(parsed.parts, { recurse: false }))
      ?? (await drive.item(parsed.parts))) !== undefined);
    return found ? [certPathText(parsed.parts)] : [];
  }
  const all = await expandFs(ctx, text, literal);
  const present: string[] = [];
  for (const p of all) if (await exists(p)) present.push(p);
  return present;
}

/** PathNotFound for a path as the user wrote it, shown resolved. */
export function notFoundFor(ctx: CmdletContext, text: string): ShellError {
  const parsed = parsePath(text);
  return pathNotFound(parsed.kind === 'cert' ? certPathText(parsed.parts) : resolveFs(ctx, text));
}
