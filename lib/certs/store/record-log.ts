// Append-only logs of final records, one JSON line each, opening with the record's id
// (`{"id":7,…` or `{"id":"7",…`) in increasing order: the embedded CA's requests issued at once
// and the store's issued requests (REQUEST/issued.jsonl; one taken out later is named in
// REQUEST/removed.jsonl). A record that may still change lives in a file of its own. An issuance
// appends a line to an open log instead of making, renaming and syncing a file of its own; a
// record is found again by a binary search over the lines, a few small reads however long the
// log. A torn last line (a crash mid-append) is skipped: its batch is still in a journal and is
// appended again. Imports Node built-ins and files.ts.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readTail } from './files.js';

/** Bytes read from a log's end for its last id, at first: a line or more (a line is 1-6 KB); four times more while no line starts in it. */
const TAIL_BYTES = 1 << 13;
const ID_OPENING = Buffer.from('{"id":');
const LINE_WITH_ID = Buffer.from('\n{"id":');
/** The id a line opens with, quoted (the CA's) or not. */
const LEADING_ID = /^\{"id":"?(\d+)/;

const idPrefix = (id: number | string) => `{"id":${JSON.stringify(id)},`;
export const logLine = <T extends { id: number | string }>(record: T) => `${JSON.stringify(record)}\n`;

/** The whole records of a log, in order. */
export function loggedRecords<T extends { id: number | string }>(text: Buffer | undefined): T[] {
  if (!text) return [];
  return text.toString().split('\n').flatMap((line) => {
    try { const record = JSON.parse(line) as T; return record?.id !== undefined ? [record] : []; } catch { return []; }   // a torn line, or the empty end
  });
}

/** One record of a log's text by id, found by its line's opening bytes (no JSON read but its own). */
export function loggedRecord<T>(text: Buffer | undefined, id: number | string): T | undefined {
  if (!text) return undefined;
  const prefix = idPrefix(id);
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at > 0 && text[at - 1] !== 0x0a) continue;   // not at a line's start
    const end = text.indexOf(0x0a, at);
    if (end < 0) return undefined;   // torn while being appended
    try { return JSON.parse(text.subarray(at, end).toString()) as T; } catch { /* torn, and appended again further on */ }
  }
  return undefined;
}

/** Bytes read at a time by the search: a line or more. */
const WINDOW = 1 << 14;

/**
 * One record of the log at `path` by id: a binary search over the lines, whose ids increase.
 * Should it meet a line it cannot read (torn by a crash, then appended again further on), it
 * reads the whole log instead.
 */
export function loggedRecordOnDisk<T>(path: string, id: number | string): T | undefined {
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const size = fstatSync(fd).size, wanted = Number(id);
    let low = 0, high = size;   // the line sought, if there, starts in [low, high)
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const line = lineFrom(fd, size, middle, high);
      if (!line || line.id > wanted) { high = middle; continue; }
      if (line.id < wanted) { low = line.end + 1; continue; }
      try { return JSON.parse(line.text) as T; } catch { break; }
    }
    if (low >= high) return undefined;
    const whole = Buffer.alloc(size);
    readSync(fd, whole, 0, size, 0);
    return loggedRecord<T>(whole, id);
  } finally { closeSync(fd); }
}

/** The first whole line with an id that starts at or after `from` and before `limit`. */
function lineFrom(fd: number, size: number, from: number, limit: number): { id: number; end: number; text: string } | undefined {
  let start = from;
  if (from > 0) {   // a line starts after a line end
    const newline = indexIn(fd, size, from - 1, 0x0a);
    if (newline < 0) return undefined;
    start = newline + 1;
  }
  while (start < limit) {
    const end = indexIn(fd, size, start, 0x0a);
    if (end < 0) return undefined;   // the torn last line
    const text = readRange(fd, start, end);
    const id = LEADING_ID.exec(text)?.[1];
    if (id !== undefined) return { id: Number(id), end, text };
    start = end + 1;
  }
  return undefined;
}

/** The position of the first `byte` at or after `from`, or -1. */
function indexIn(fd: number, size: number, from: number, byte: number): number {
  const window = Buffer.alloc(WINDOW);
  for (let at = from; at < size; at += WINDOW) {
    const read = readSync(fd, window, 0, Math.min(WINDOW, size - at), at);
    const found = window.subarray(0, read).indexOf(byte);
    if (found >= 0) return at + found;
  }
  return -1;
}

function readRange(fd: number, start: number, end: number): string {
  const bytes = Buffer.alloc(end - start);
  readSync(fd, bytes, 0, bytes.length, start);
  return bytes.toString();
}

/**
 * The highest id in the log at `path` (ids are appended in increasing order), from the last line
 * of its end that names one; call holding the store lock, so that no one appends meanwhile. A
 * line torn by a crash counts: its batch is in a journal and will be appended again.
 */
export function lastLoggedId(path: string): number {
  for (let bytes = TAIL_BYTES; ; bytes *= 4) {
    const tail = readTail(path, bytes);
    if (!tail) return 0;
    const whole = tail.length < bytes;   // the tail is the whole file: its first line starts it
    for (let end = tail.length; end > 0;) {
      const at = tail.lastIndexOf(LINE_WITH_ID, end - 1);
      const start = at >= 0 ? at + 1 : whole && tail.subarray(0, ID_OPENING.length).equals(ID_OPENING) ? 0 : -1;
      if (start < 0) break;
      const digits = LEADING_ID.exec(tail.subarray(start, start + 32).toString('latin1'))?.[1];
      if (digits) return Number(digits);
      end = at;
    }
    if (whole) return 0;
  }
}
