// ShellError: every failure the shell reports, with a stable id, a PowerShell error category, the
// thing it is about, and a hint for the fix. ErrorRecord wraps one as PowerShell's $Error/$_ value.
// Imports only ./span.

import { located, type LocatedSpan, type Span } from './span.js';

export type ErrorCategory =
  | 'NotSpecified' | 'InvalidArgument' | 'InvalidData' | 'InvalidOperation' | 'InvalidType'
  | 'InvalidResult' | 'ObjectNotFound' | 'ResourceExists' | 'ResourceUnavailable' | 'ResourceBusy'
  | 'PermissionDenied' | 'SecurityError' | 'AuthenticationError' | 'ConnectionError' | 'ProtocolError'
  | 'ReadError' | 'WriteError' | 'OpenError' | 'CloseError' | 'ParserError' | 'SyntaxError'
  | 'NotImplemented' | 'NotInstalled' | 'NotEnabled' | 'OperationStopped' | 'OperationTimeout'
  | 'LimitsExceeded' | 'QuotaExceeded' | 'DeadlockDetected' | 'MetadataError' | 'FromStdErr';

export interface ErrorDetails {
  target?: unknown;       // the object the error is about (shown in the category line)
  hint?: string;          // one line: what to do about it
  span?: Span;            // where in the script
  cause?: unknown;
  /** The .NET exception type PowerShell would raise, for `catch [Type]` and `$_.Exception.GetType()`. */
  exceptionType?: string;
}

export class ShellError extends Error {
  constructor(
    readonly id: string,                 // stable PascalCase, e.g. 'CertificateNotFound'
    readonly category: ErrorCategory,
    message: string,                     // what went wrong, naming the thing
    readonly more: ErrorDetails = {},
  ) {
    super(message, { cause: more.cause });
    this.name = 'ShellError';
  }
  get hint() { return this.more.hint; }
  /** Where in the script, with its line and column (a syntax node is its own span: they are
   *  worked out here, when an error is shown, not for every node of a parse). */
  get span(): LocatedSpan | undefined { const span = this.more.span; return span && located(span); }
  get target() { return this.more.target; }
  /** A copy that also knows where in the script it happened (keeps an existing span). */
  at(span: Span | undefined): ShellError {
    if (!span || this.more.span) return this;
    const copy = new ShellError(this.id, this.category, this.message, { ...this.more, span });
    return copy;
  }
}

/** Several parse errors at once: a script with any of them runs nothing. */
export class ParseErrors extends ShellError {
  constructor(readonly errors: ShellError[]) {
    super(errors[0].id, 'ParserError', errors[0].message, { ...errors[0].more });
  }
}

/** How an error leaves a command (PowerShell's three kinds). */
export type ErrorKind = 'NonTerminating' | 'StatementTerminating' | 'ScriptTerminating';

/** PowerShell's ErrorRecord: the value of $_ in catch blocks and the items of $Error. */
export class ErrorRecord {
  constructor(
    readonly error: ShellError,
    readonly commandName?: string,       // e.g. 'Set-CsCertificate'; undefined for script errors
  ) {}
  get Exception() {
    const e = this.error;
    return { Message: e.message, InnerException: e.cause ?? null,
      GetType: () => ({ Name: (e.more.exceptionType ?? 'System.Management.Automation.RuntimeException').split('.').pop(),
        FullName: e.more.exceptionType ?? 'System.Management.Automation.RuntimeException' }),
      ToString: () => e.message };
  }
  get FullyQualifiedErrorId() { return this.commandName ? `${this.error.id},${this.commandName}` : this.error.id; }
  get CategoryInfo() {
    const e = this.error;
    return { Category: e.category, Activity: this.commandName ?? '', Reason: e.id,
      TargetName: e.target === undefined ? '' : String(e.target),
      ToString: () => `${e.category}: (${e.target === undefined ? '' : String(e.target)}:) [${this.commandName ?? ''}], ${e.id}` };
  }
  get TargetObject() { return this.error.target ?? null; }
  get InvocationInfo() {
    const s = this.error.span;
    return { MyCommand: this.commandName ?? null, ScriptName: s?.source.name ?? '', ScriptLineNumber: s?.line ?? 0,
      OffsetInLine: s?.column ?? 0, Line: s ? s.source.text.split('\n')[s.line - 1] ?? '' : '' };
  }
  get ErrorDetails() { return this.error.hint ? { Message: this.error.message, RecommendedAction: this.error.hint } : null; }
  toString() { return this.error.message; }
}
