// The slot through which ConvertTo-Json, ConvertFrom-Json and the CSV cmdlets reach lib/format's
// conversions, which cmdlets may not import: lib/format fills it when it loads, as CA back ends
// register themselves. Imports only ./errors.

import { ShellError } from './errors.js';

export interface JsonWriteOptions { depth: number; compress: boolean; enumsAsStrings?: boolean }
export interface JsonReadOptions { asHashtable?: boolean; depth?: number }
export interface CsvWriteOptions {
  delimiter?: string; noTypeInformation?: boolean; useQuotes?: 'Always' | 'AsNeeded' | 'Never';
  columns?: readonly string[]; header?: boolean;
}

/** What lib/format offers the conversion cmdlets. */
export interface TextConversions {
  toJsonWithInfo(value: unknown, options: JsonWriteOptions): { text: string; truncated: boolean };
  fromJson(text: string, options?: JsonReadOptions): unknown;
  toCsv(objects: readonly unknown[], options?: CsvWriteOptions): string[];
  parseCsvHeader(line: string, delimiter?: string): string[];
}

let provided: TextConversions | undefined;

/** Called by lib/format when it loads. */
export const provideConversions = (conversions: TextConversions) => { provided = conversions; };

export function textConversions(): TextConversions {
  if (provided) return provided;
  throw new ShellError('FormatterNotLoaded', 'NotImplemented', 'The JSON and CSV conversions are not loaded.',
    { hint: 'This is a bug in the host: it must load lib/format before running commands.' });
}
