// Path text as Join-Path and Split-Path treat it, without touching the disk: the separator of the
// path's provider ('\' for Cert:, the platform's for files, either accepted on input), qualifiers
// ('C:', 'Cert:'), and splitting into parent and leaf. Imports only Node built-ins.

import * as path from 'node:path';

const QUALIFIER = /^([A-Za-z][\w.]*):/;

/** The separator a path's provider writes. */
export function separatorFor(text: string): string {
  const q = QUALIFIER.exec(text)?.[1];
  return q && (q.length > 1 || path.sep === '\\') ? '\\' : path.sep;
}

/** 'C:' / 'Cert:' when the path starts with a drive qualifier. */
export const qualifierOf = (text: string) => QUALIFIER.exec(text)?.[0];

const isSep = (c: string) => c === '/' || c === '\\';

/** Joins two paths with exactly one separator between them. */
export function joinTwo(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const sep = separatorFor(left);
  const l = left.replace(/[\\/]+$/, ''), r = right.replace(/^[\\/]+/, '');
  const joined = (l === '' && isSep(left[0]) ? sep : l + sep) + r;
  return sep === '\\' ? joined.replace(/\//g, '\\') : joined.replace(/\\/g, '/');
}

/** The path without trailing separators (a root keeps its own). */
function trimEnd(text: string): string {
  const trimmed = text.replace(/[\\/]+$/, '');
  return trimmed === '' || /^[A-Za-z][\w.]*:$/.test(trimmed) ? text.slice(0, trimmed.length + 1) : trimmed;
}

/** Everything before the last separator ('' for a bare name or a root). */
export function parentOf(text: string): string {
  const t = trimEnd(text);
  const i = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
  if (i < 0) return '';
  if (i === t.length - 1) return '';                             // a root: '/', 'C:\'
  const parent = t.slice(0, i);
  if (parent === '') return t[0];                               // '/etc' → '/'
  return /^[A-Za-z][\w.]*:$/.test(parent) ? parent + t[i] : parent;
}

/** The last element of the path. */
export function leafOf(text: string): string {
  const t = text.replace(/[\\/]+$/, '');
  const i = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
  const leaf = t.slice(i + 1);
  return /^[A-Za-z][\w.]*:$/.test(leaf) ? '' : leaf;
}

export function extensionOf(leaf: string): string {
  const dot = leaf.lastIndexOf('.');
  return dot >= 0 && dot < leaf.length - 1 ? leaf.slice(dot) : '';
}

export const isAbsolutePath = (text: string) => isSep(text[0] ?? '') || /^[A-Za-z][\w.]*:[\\/]/.test(text) || /^[A-Za-z][\w.]*:$/.test(text);
