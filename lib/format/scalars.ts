// Values PowerShell prints "out of band": strings, numbers, booleans, enums and any object with no
// properties to show. They print as their text, one per line, whether they reach the console
// alone or through Format-Table or Format-List without -Property, since a table or list of
// nothing would print only blank lines. Imports lib/core and ./engine-values only.

import { ErrorRecord } from '../core/errors.js';
import { FormatRecord } from '../core/format-records.js';
import { PSObject } from '../core/values.js';
import { propertyNames, toStr } from './engine-values.js';

/** Values printed as text: primitives, and objects with nothing to tabulate. */
export function isScalar(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (value instanceof Date || value instanceof FormatRecord || value instanceof ErrorRecord) return false;
  if (value instanceof PSObject) return false;
  if (Array.isArray(value)) return true;       // an array given whole prints as its text ("1 2 3")
  return propertyNames(value).length === 0;
}

/** A scalar's lines: a string ending in a newline prints an empty line after it, as the console does. */
export const scalarLines = (value: unknown): string[] => toStr(value).split(/\r?\n/);
