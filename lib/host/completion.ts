// Tab completion for the interactive shell: command names, parameter names, enumerated parameter
// values (`-Type W<Tab>`), values a parameter can list itself (thumbprints), variables and file
// paths. Works on unfinished input, so it reads the line with a small scanner of its own rather
// than the parser. Pure apart from reading directories.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { COMMON_PARAMETERS, hostParameters, type CommandInfo, type ParameterDefinition } from '../engine/cmdlet/index.js';

export interface CompletionSource {
  commands(): CommandInfo[];
  variables(): string[];
  cwd: string;
  services: object;
}

export interface Completion { replaceFrom: number; candidates: string[] }

const ci = (a: string, b: string) => a.toLowerCase().startsWith(b.toLowerCase());
const uniqueSorted = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => a.localeCompare(b));

/** Completions for the word that ends at the end of `line`. */
export async function complete(line: string, source: CompletionSource): Promise<Completion> {
  const wordStart = startOfWord(line);
  const word = line.slice(wordStart);
  const statement = line.slice(lastStatementStart(line, wordStart), wordStart);
  const words = statement.trim().split(/\s+/).filter(Boolean);
  const at = (candidates: string[], from = wordStart) => ({ replaceFrom: from, candidates: uniqueSorted(candidates) });

  if (word.startsWith('$')) return at(source.variables().filter(v => ci(v, word.slice(1))).map(v => '$' + v));
  if (words.length === 0) return at(commandNames(source).filter(n => ci(n, word)));

  const command = findCommand(source, words[0]);
  const parameters = command?.definition?.parameters ?? {};
  if (word.startsWith('-')) {
    const names = [...Object.keys(parameters), ...COMMON_PARAMETERS, ...(command?.definition ? hostParameters(command.definition) : [])];
    return at(names.filter(n => ci(n, word.slice(1))).map(n => '-' + n));
  }
  const previous = words[words.length - 1];
  const parameter = previous?.startsWith('-') ? matchParameter(parameters, previous.slice(1)) : undefined;
  if (parameter) {
    const comma = word.lastIndexOf(',');                        // -Type Default,W<Tab>
    const part = word.slice(comma + 1), from = wordStart + comma + 1;
    if (parameter.values) return at(parameter.values.filter(v => ci(v, part)), from);
    if (parameter.complete) return at((await parameter.complete(part, source.services)).filter(v => ci(v, part)), from);
  }
  return at(pathsStartingWith(word, source.cwd));
}

/** Where the word under the cursor starts: after the last unquoted space or separator. */
function startOfWord(line: string): number {
  let i = line.length;
  while (i > 0 && !/[\s|;({=]/.test(line[i - 1])) i--;
  return i;
}

function lastStatementStart(line: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) if ('|;({'.includes(line[i])) return i + 1;
  return 0;
}

function commandNames(source: CompletionSource): string[] {
  return source.commands().map(c => c.name);
}

function findCommand(source: CompletionSource, name: string): CommandInfo | undefined {
  const all = source.commands();
  const found = all.find(c => c.name.toLowerCase() === name.toLowerCase());
  if (found?.commandType === 'Alias' && found.resolvedName) return findCommand(source, found.resolvedName);
  return found;
}

function matchParameter(parameters: Record<string, ParameterDefinition>, written: string): ParameterDefinition | undefined {
  const name = written.replace(/:.*$/, '').toLowerCase();
  const exact = Object.entries(parameters).find(([n, p]) => n.toLowerCase() === name || p.aliases.some(a => a.toLowerCase() === name));
  if (exact) return exact[1];
  const prefixed = Object.entries(parameters).filter(([n]) => n.toLowerCase().startsWith(name));
  return prefixed.length === 1 ? prefixed[0][1] : undefined;
}

/** File-system entries starting with the word; directories end in a separator. */
function pathsStartingWith(word: string, cwd: string): string[] {
  const unquoted = word.replace(/^['"]/, '');
  const slash = Math.max(unquoted.lastIndexOf('/'), unquoted.lastIndexOf('\\'));
  const dirPart = slash === -1 ? '' : unquoted.slice(0, slash + 1);
  const base = unquoted.slice(slash + 1);
  const dir = resolve(cwd, dirPart.replace(/^~(?=[\\/])/, process.env.HOME ?? '~') || '.');
  let names: string[];
  try { names = readdirSync(dir); } catch { return []; }
  return names.filter(n => ci(n, base) && (base.startsWith('.') || !n.startsWith('.'))).map(n => {
    let isDir = false;
    try { isDir = statSync(join(dir, n)).isDirectory(); } catch { /* a dangling link completes as a file */ }
    const text = dirPart + n + (isDir ? sep : '');
    return /\s/.test(text) ? `'${text}'` : text;
  });
}
