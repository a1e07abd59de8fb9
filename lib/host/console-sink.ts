// Where a run's streams go on a console: output objects to stdout, formatted as PowerShell's
// Out-Default would (scalars as they come; a run of objects of one type as one table or list);
// errors, warnings, verbose and debug text to stderr; Write-Host to stdout. With --output json,
// output objects are kept and written once at the end as one JSON array.
// The formatter (and the `table` package behind it) is loaded only when an object needs it.

import type { ErrorRecord } from '../core/errors.js';
import type { HostWriteOptions, ProgressRecord } from '../engine/cmdlet/index.js';
import type { OutputSink } from '../engine/runtime/index.js';
import { toStr } from '../engine/values/convert.js';
import { displayDate } from '../engine/values/datetime.js';

export interface TextStream { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number }

export interface ConsoleOptions { color: boolean; width: number; json: boolean }

type Format = typeof import('../format/index.js');
let format: Format | undefined;
export const loadFormat = async () => (format ??= await import('../format/index.js'));

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof Date;

const typeKey = (v: unknown) => (v as { typeNames?: string[] })?.typeNames?.[0] ?? (v as object)?.constructor?.name;

export class ConsoleSink implements OutputSink {
  private pending: unknown[] = [];
  readonly collected: unknown[] = [];       // --output json

  constructor(private readonly out: TextStream, private readonly err: TextStream, readonly options: ConsoleOptions) {}

  async output(value: unknown): Promise<void> {
    if (this.options.json) { this.collected.push(value); return; }
    if (isScalar(value)) {
      this.flush();
      if (value !== null) this.out.write((value instanceof Date ? displayDate(value) : toStr(value)) + '\n');
      return;
    }
    await loadFormat();
    if (this.pending.length && typeKey(this.pending[0]) !== typeKey(value)) this.flush();
    this.pending.push(value);
  }

  /** Writes the objects held back to be laid out together. */
  flush(): void {
    if (!this.pending.length || !format) return;
    this.out.write(format.renderObjects(this.pending, { width: this.options.width, color: this.options.color }));
    this.pending = [];
  }

  error(record: ErrorRecord): void {
    this.flush();
    this.err.write(renderErrorText(record, this.options.color));
  }
  warning(text: string): void { this.flush(); this.err.write(this.paint('WARNING: ' + text, '33') + '\n'); }
  verbose(text: string): void { this.flush(); this.err.write(this.paint('VERBOSE: ' + text, '33') + '\n'); }
  debug(text: string): void { this.flush(); this.err.write(this.paint('DEBUG: ' + text, '33') + '\n'); }
  information(text: string, options: HostWriteOptions = {}): void {
    this.flush();
    this.out.write(text + (options.noNewline ? '' : '\n'));
  }
  progress(_record: ProgressRecord): void { /* a progress bar would corrupt redirected output; shown only in the shell */ }

  /** Ends the run: held objects are written, and JSON output as one array. */
  async finish(): Promise<void> {
    if (this.options.json) {
      const { toJson } = await loadFormat();
      this.out.write(toJson(this.collected, { depth: 4, compress: false }) + '\n');
      return;
    }
    this.flush();
  }

  private paint(text: string, code: string) { return this.options.color ? `\x1b[${code}m${text}\x1b[0m` : text; }
}

/** Errors are rare and must show even when nothing else loaded the formatter: render them lazily but synchronously. */
function renderErrorText(record: ErrorRecord, color: boolean): string {
  if (format) return format.renderError(record, { color });
  // Not loaded yet: the fallback is PowerShell's one-line shape plus our hint.
  const e = record.error;
  const lines = [`${record.commandName ? record.commandName + ': ' : ''}${e.message}`];
  if (e.hint) lines.push(`  Hint: ${e.hint}`);
  return lines.join('\n') + '\n';
}
