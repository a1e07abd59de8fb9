// Node file-system failures (ENOENT, EACCES, EEXIST...) as the ShellErrors PowerShell users
// expect, with the path as target. One mapping for every file cmdlet.
// Imports only lib/core and sibling helpers.

import { ShellError, type ErrorCategory } from '../../lib/core/errors.js';
import { pathNotFound } from './paths.js';

interface Mapped { id: string; category: ErrorCategory; message: string; hint: string; exceptionType: string }

function mapCode(code: string | undefined, fullPath: string, action: string): Mapped | undefined {
  switch (code) {
    case 'EACCES': case 'EPERM':
      return { id: 'UnauthorizedAccess', category: 'PermissionDenied', message: `Access to the path '${fullPath}' is denied.`,
        hint: 'Check the permissions of the file and the directory holding it.', exceptionType: 'System.UnauthorizedAccessException' };
    case 'EEXIST':
      return { id: 'ItemExists', category: 'ResourceExists', message: `An item with the specified name ${fullPath} already exists.`,
        hint: 'Use -Force to replace it, or choose another name.', exceptionType: 'System.IO.IOException' };
    case 'EISDIR':
      return { id: 'PathIsDirectory', category: 'InvalidOperation', message: `Cannot ${action} '${fullPath}' because it is a directory.`,
        hint: 'Name a file, not a directory.', exceptionType: 'System.UnauthorizedAccessException' };
    case 'ENOTDIR':
      return { id: 'PathNotDirectory', category: 'InvalidArgument', message: `A part of the path '${fullPath}' is a file, not a directory.`,
        hint: 'Check each directory in the path.', exceptionType: 'System.IO.IOException' };
    case 'ENOTEMPTY':
      return { id: 'DirectoryNotEmpty', category: 'WriteError', message: `The directory '${fullPath}' is not empty.`,
        hint: 'Use -Recurse to remove it with its contents.', exceptionType: 'System.IO.IOException' };
    default: return undefined;
  }
}

/** A ShellError for a failed file operation; ENOENT is PowerShell's PathNotFound. */
export function fsError(error: unknown, fullPath: string, action: string): ShellError {
  if (error instanceof ShellError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return pathNotFound(fullPath);
  const m = mapCode(code, fullPath, action);
  if (m) return new ShellError(m.id, m.category, m.message, { target: fullPath, hint: m.hint, exceptionType: m.exceptionType, cause: error });
  return new ShellError('FileSystemError', 'WriteError', `Cannot ${action} '${fullPath}': ${(error as Error)?.message ?? String(error)}`,
    { target: fullPath, hint: 'Check the path and its permissions.', cause: error, exceptionType: 'System.IO.IOException' });
}
