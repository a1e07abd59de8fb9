// Where a run's streams go on a console: output objects to stdout, formatted as PowerShell's
// Out-Default would (a run of objects that share a view is laid out as one table or list, so it
// is held until something else is written); errors, warnings, verbose and debug text to stderr;
// Write-Host to stdout. With --output json, output objects are kept and written once at the end
// as one JSON array.

import type { ErrorRecord } from '../core/errors.js';
import type { HostWriteOptions, ProgressRecord } from '../engine/cmdlet/index.js';
import type { OutputSink } from '../engine/runtime/index.js';
import { renderDebug, renderError, renderObjects, renderVerbose, renderWarning, sameRun, toJson } from '../format/index.js';

export interface TextStream { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number }

export interface ConsoleOptions { color: boolean; width: number; json: boolean }

export class ConsoleSink implements OutputSink {
  private pending: unknown[] = [];
  readonly collected: unknown[] = [];       // --output json

  constructor(private readonly out: TextStream, private readonly err: TextStream, readonly options: ConsoleOptions) {}

  output(value: unknown): void {
    if (this.options.json) { this.collected.push(value); return; }
    if (this.pending.length && !sameRun(this.pending[this.pending.length - 1], value)) this.flush();
    this.pending.push(value);
  }

  /** Writes the objects held back to be laid out together. */
  flush(): void {
    if (!this.pending.length) return;
    const objects = this.pending;
    this.pending = [];
    this.out.write(renderObjects(objects, { width: this.options.width, color: this.options.color }));
  }

  error(record: ErrorRecord): void { this.flush(); this.err.write(renderError(record, { color: this.options.color })); }
  warning(text: string): void { this.flush(); this.err.write(renderWarning(text, { color: this.options.color })); }
  verbose(text: string): void { this.flush(); this.err.write(renderVerbose(text, { color: this.options.color })); }
  debug(text: string): void { this.flush(); this.err.write(renderDebug(text, { color: this.options.color })); }
  information(text: string, options: HostWriteOptions = {}): void {
    this.flush();
    this.out.write(text + (options.noNewline ? '' : '\n'));
  }
  progress(_record: ProgressRecord): void { /* a progress bar would corrupt redirected output; shown only in the shell */ }

  /** Ends a run: held objects are written, and JSON output as one array. */
  finish(): void {
    if (this.options.json) {
      this.out.write(toJson(this.collected, { depth: 4, compress: false }) + '\n');
      this.collected.length = 0;
      return;
    }
    this.flush();
  }
}
