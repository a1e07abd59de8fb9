// File-system items as Get-ChildItem, Get-Item and New-Item return them: PSObjects typed
// System.IO.FileInfo or System.IO.DirectoryInfo with the properties scripts use (Name, FullName,
// Length, LastWriteTime, Mode, Extension, BaseName, Directory/DirectoryName, PSIsContainer, PSPath...).
// Node built-ins only for reading the item. Imports only lib/core and Node built-ins.

import { lstat, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import * as path from 'node:path';
import { PSObject } from '../../lib/core/values.js';

export const FILE_INFO_TYPES = ['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
export const DIRECTORY_INFO_TYPES = ['System.IO.DirectoryInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
const PROVIDER = 'Microsoft.PowerShell.Core\\FileSystem::';

/** PowerShell's Mode column: d (directory), a (archive, i.e. a file), r (read-only), h (hidden), l (link). */
function mode(name: string, s: Stats, isLink: boolean): string {
  const dir = s.isDirectory();
  return (isLink ? 'l' : dir ? 'd' : '-') + (dir ? '-' : 'a') + ((s.mode & 0o222) === 0 ? 'r' : '-')
    + (name.startsWith('.') ? 'h' : '-') + '-';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 || (dot === 0 && name.length > 1) ? name.slice(dot) : '';
}

/** The item for an absolute path, or undefined when nothing is there. */
export async function fileItem(fullPath: string): Promise<PSObject | undefined> {
  const link = await lstat(fullPath).catch(() => undefined);
  if (!link) return undefined;
  const s = link.isSymbolicLink() ? await stat(fullPath).catch(() => link) : link;
  return makeItem(fullPath, s, link.isSymbolicLink());
}

export function makeItem(fullPath: string, s: Stats, isLink = false): PSObject {
  const name = path.basename(fullPath) || fullPath, parent = path.dirname(fullPath);
  const isDir = s.isDirectory(), extension = extensionOf(name);
  const item = new PSObject({
    PSPath: PROVIDER + fullPath, PSParentPath: parent === fullPath ? '' : PROVIDER + parent, PSChildName: name,
    PSProvider: 'Microsoft.PowerShell.Core\\FileSystem', PSIsContainer: isDir,
    Mode: mode(name, s, isLink), Name: name, FullName: fullPath,
    ...(isDir ? {} : { Length: s.size, DirectoryName: parent }),
    Extension: extension, BaseName: isDir ? name : name.slice(0, name.length - extension.length),
    Exists: true, LastWriteTime: s.mtime, LastAccessTime: s.atime, CreationTime: s.birthtime,
    LastWriteTimeUtc: s.mtime, Attributes: isDir ? 'Directory' : 'Archive', LinkType: isLink ? 'SymbolicLink' : null,
  }, isDir ? DIRECTORY_INFO_TYPES : FILE_INFO_TYPES);
  if (isDir) item.defineGetter('Parent', () => (parent === fullPath ? null : directoryStub(parent)));
  else item.defineGetter('Directory', () => directoryStub(parent));
  item.defineMethod('ToString', () => fullPath);
  return item;
}

/** A parent directory, described without touching the disk again. */
function directoryStub(fullPath: string): PSObject {
  const o = new PSObject({ Name: path.basename(fullPath) || fullPath, FullName: fullPath, PSIsContainer: true },
    DIRECTORY_INFO_TYPES);
  o.defineMethod('ToString', () => fullPath);
  return o;
}
