// renderError: an error as PowerShell 7's ConciseView prints it, plus the two lines of ours that
// say which condition it is and what to do about it:
//
//   Set-CsCertificate: No certificate with thumbprint '9F3A07' in the Personal store (My).
//     ObjectNotFound: (9F3A07) [CertificateNotFound]
//     Hint: run 'Get-ChildItem Cert:\LocalMachine\My' to list the thumbprints it holds.
//
// A parse error, or an error whose span lies in a script file, shows where it happened in
// ConciseView's layout (`Line |`, the line, a caret line, the message under a bar). Every line of
// the result ends in '\n'. Imports lib/core only.

import { ParseErrors, type ErrorRecord, type ShellError } from '../core/errors.js';
import { caretLines, type LocatedSpan, type Span } from '../core/span.js';
import { toStr } from './engine-values.js';

export const ERROR_STYLE = '\x1b[31;1m';
export const ACCENT_STYLE = '\x1b[36;1m';
const RESET = '\x1b[0m';

export function renderError(record: ErrorRecord, options: { color: boolean }): string {
  const e = record.error;
  const errors = e instanceof ParseErrors ? e.errors : [e];
  const lines = errors.flatMap(err => errorLines(err, record.commandName, options.color));
  return lines.join('\n') + '\n';
}

function errorLines(e: ShellError, commandName: string | undefined, color: boolean): string[] {
  const paint = (style: string, text: string) => color ? style + text + RESET : text;
  const reason = reasonOf(e, commandName);
  const lines: string[] = [];
  if (e.span && showsPosition(e)) lines.push(...positionLines(e, e.span, reason, paint));
  else lines.push(...messageLines(e.message).map((l, i) => paint(ERROR_STYLE, i ? '  ' + l : `${reason}: ${l}`)));
  if (e.category !== 'ParserError') lines.push(paint(ERROR_STYLE, '  ' + categoryLine(e)));
  if (e.hint) lines.push(paint(ERROR_STYLE, `  Hint: ${e.hint}`));
  return lines;
}

/** What ConciseView puts before the colon: the command, 'Exception' for `throw`, else the category. */
function reasonOf(e: ShellError, commandName: string | undefined): string {
  if (commandName) return commandName;
  if (e.category === 'OperationStopped') return 'Exception';
  return e.category;
}

const isFile = (span: Span) => !/^<.*>$/.test(span.source.name);

/** As ConciseView: parse errors always, other errors when they come from a file or a later line. */
const showsPosition = (e: ShellError) =>
  e.span !== undefined && (e.category === 'ParserError' || isFile(e.span) || e.span.line > 1);

function positionLines(e: ShellError, span: LocatedSpan, reason: string,
  paint: (style: string, text: string) => string): string[] {
  const lineNumber = String(span.line);
  const gutter = Math.max(4, lineNumber.length);
  const bar = paint(ACCENT_STYLE, ' '.repeat(gutter + 1) + '|');
  const [text, carets] = caretLines(span);
  const where = isFile(span) ? `${span.source.name}:${span.line}:${span.column}` : '';
  return [
    paint(ERROR_STYLE, `${reason}: ${where}`.trimEnd()),
    paint(ACCENT_STYLE, `${' '.repeat(gutter - 4)}Line |`),
    `${paint(ACCENT_STYLE, `${lineNumber.padStart(gutter)} |`)}  ${text}`,
    `${bar}  ${paint(ERROR_STYLE, carets)}`,
    ...messageLines(e.message).map(l => `${bar} ${paint(ERROR_STYLE, l)}`),
  ];
}

const messageLines = (message: string) => message.replace(/\r?\n$/, '').split(/\r?\n/);

/** `ObjectNotFound: (9F3A07) [CertificateNotFound]`; the parentheses only when there is a target. */
function categoryLine(e: ShellError): string {
  const target = e.target === undefined || e.target === null ? '' : targetText(e.target);
  return target ? `${e.category}: (${target}) [${e.id}]` : `${e.category}: [${e.id}]`;
}

/** Long targets (a whole certificate) would drown the line: keep it to one short line. */
function targetText(target: unknown): string {
  const text = toStr(target).replace(/\s+/g, ' ');
  return text.length > 60 ? text.slice(0, 59) + '…' : text;
}

// ---- The other streams ------------------------------------------------------------------------

const WARNING_STYLE = '\x1b[33;1m';
const stream = (prefix: string) => (text: string, options: { color: boolean } = { color: false }) => {
  const line = `${prefix}: ${text}`;
  return (options.color ? WARNING_STYLE + line + RESET : line) + '\n';
};

/** `WARNING: text`, yellow when coloured, as PowerShell 7's $PSStyle.Formatting.Warning. */
export const renderWarning = stream('WARNING');
export const renderVerbose = stream('VERBOSE');
export const renderDebug = stream('DEBUG');
