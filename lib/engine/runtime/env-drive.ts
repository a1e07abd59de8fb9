// The Env: drive (about_Environment_Provider): the session's environment variables as items, so
// `Test-Path env:NAME`, `Get-Item env:NAME` and `Get-ChildItem env:` work as in PowerShell. Each
// item is a DictionaryEntry (Name/Key and Value), shown as the Name/Value table. The drive reads
// the same environment `$env:NAME` does, so the two always agree.
// Imports only lib/engine/cmdlet and sibling modules.

import type { DriveProvider } from '../cmdlet/context.js';
import type { Engine } from './engine.js';
import { DictionaryEntry } from './value-ops.js';

export function envDrive(engine: Engine): DriveProvider {
  const entry = (name: string) => {
    const value = engine.getEnv(name);
    const key = Object.keys(engine.options.env).find(k => k.toLowerCase() === name.toLowerCase()) ?? name;
    return value === null ? undefined : new DictionaryEntry(key, value);
  };
  return {
    name: 'Env',
    description: 'Drive containing a view of the environment variables for the process.',
    async childItems(path) {
      if (path.length > 0) return undefined;      // variables hold no items
      return Object.keys(engine.options.env).sort((a, b) => a.localeCompare(b)).map(entry).filter(e => e !== undefined);
    },
    async item(path) {
      return path.length === 1 ? entry(path[0]) : undefined;
    },
  };
}
