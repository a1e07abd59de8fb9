// Append-only logs of final records, one JSON line each, opening with the record's id
// (`{"id":7,…` or `{"id":"7",…`) in increasing order: the embedded CA's requests issued at once
// and the store's issued requests (REQUEST/issued.jsonl). A record that may still change lives in
// a file of its own; a logged one only ever goes, by a later line `{"removed":<id>}`. An issuance
// appends a line to an open log instead of making, renaming and syncing a file of its own. A
// torn last line (a crash mid-append) is skipped: its batch is still in a journal and is appended
// again. Imports Node built-ins and files.ts.

import { readTail } from './files.js';

/** Bytes read from a log's end for its last id: a few whole lines (a line is 2-6 KB). */
const TAIL_BYTES = 1 << 14;

const idPrefix = (id: number | string) => `{"id":${JSON.stringify(id)},`;
export const logLine = <T extends { id: number | string }>(record: T) => `${JSON.stringify(record)}\n`;
export const removalLine = (id: number | string) => `{"removed":${JSON.stringify(id)}}\n`;

/** The records of a log, in order, less those removed since. */
export function loggedRecords<T extends { id: number | string }>(text: Buffer | undefined): T[] {
  if (!text) return [];
  const records = new Map<number | string, T>();
  for (const line of text.toString().split('\n')) {
    let record: T & { removed?: number | string };
    try { record = JSON.parse(line) as typeof record; } catch { continue; }   // a torn line, or the empty end
    if (record?.removed !== undefined) records.delete(record.removed);
    else if (record?.id !== undefined) records.set(record.id, record);
  }
  return [...records.values()];
}

/** One record of a log by id, found by its line's opening bytes (no JSON read but its own), unless removed. */
export function loggedRecord<T>(text: Buffer | undefined, id: number | string): T | undefined {
  if (!text) return undefined;
  const prefix = idPrefix(id);
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at > 0 && text[at - 1] !== 0x0a) continue;   // not at a line's start
    const end = text.indexOf(0x0a, at);
    if (end < 0) return undefined;   // torn while being appended
    if (text.indexOf(removalLine(id), end) >= 0) return undefined;
    return JSON.parse(text.subarray(at, end).toString()) as T;
  }
  return undefined;
}

/**
 * The highest id in the log at `path` (ids are appended in increasing order), from the last line
 * of its end that names one; call holding the store lock, so that no one appends meanwhile. A
 * line torn by a crash counts: its batch is in a journal and will be appended again.
 */
export function lastLoggedId(path: string): number {
  const tail = readTail(path, TAIL_BYTES);
  if (!tail) return 0;
  const lines = tail.toString('latin1').split('\n');
  for (let i = lines.length - 1; i >= (tail.length < TAIL_BYTES ? 0 : 1); i--) {   // a cut first line may hide its id
    const id = /^\{"id":"?(\d+)/.exec(lines[i]!)?.[1];
    if (id) return Number(id);
  }
  return 0;
}
