// Interactive history kept across sessions in a file (newest last), like PSReadLine's. Lines that
// look like they carry a secret (a password, a plain-text SecureString, a key) are used in this
// session but never written to the file, as PSReadLine does.

import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';

const SENSITIVE = /password|asplaintext|token|apikey|secret|privatekey|-----BEGIN/i;
const LIMIT = 1000;

export function historyFile(env: NodeJS.ProcessEnv): string {
  if (env.CSCERT_HISTORY) return env.CSCERT_HISTORY;
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(data, 'cscert', 'history');
}

/** Previous entries, newest first (the order node:readline wants). */
export function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-LIMIT).reverse();
  } catch { return []; }
}

export function saveToHistory(file: string, entry: string): void {
  if (!entry.trim() || SENSITIVE.test(entry)) return;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // One line per entry: a multi-line entry is joined so the file stays line-oriented.
    appendFileSync(file, entry.replace(/\r?\n/g, ' ') + '\n', { mode: 0o600 });
  } catch { /* history is a convenience: a read-only home must not stop the shell */ }
}
