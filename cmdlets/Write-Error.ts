// Write-Error: writes a non-terminating error record (ctx.writeError) from a message, an exception
// or an existing ErrorRecord. The error id is PowerShell's 'Microsoft.PowerShell.Commands.
// WriteErrorException' unless -ErrorId names another; -RecommendedAction becomes the hint.

import { ErrorRecord, ShellError, type ErrorCategory } from '../lib/core/errors.js';
import { defineCmdlet, defineEnum, param } from '../lib/engine/cmdlet/index.js';
import { toStr } from './shared/values.js';

export const WRITE_ERROR_ID = 'Microsoft.PowerShell.Commands.WriteErrorException';

export const ErrorCategoryEnum = defineEnum('System.Management.Automation.ErrorCategory', ['NotSpecified', 'OpenError',
  'CloseError', 'DeviceError', 'DeadlockDetected', 'InvalidArgument', 'InvalidData', 'InvalidOperation', 'InvalidResult',
  'InvalidType', 'MetadataError', 'NotImplemented', 'NotInstalled', 'ObjectNotFound', 'OperationStopped',
  'OperationTimeout', 'SyntaxError', 'ParserError', 'PermissionDenied', 'ResourceBusy', 'ResourceExists',
  'ResourceUnavailable', 'ReadError', 'WriteError', 'FromStdErr', 'SecurityError', 'ProtocolError', 'ConnectionError',
  'AuthenticationError', 'LimitsExceeded', 'QuotaExceeded', 'NotEnabled']);

interface WriteErrorArgs {
  Message?: string; Exception?: unknown; ErrorRecord?: unknown; Category?: string; ErrorId?: string;
  TargetObject?: unknown; RecommendedAction?: string;
}

/** The message of whatever was passed as -Exception: a ShellError, a JS Error, or an exception-like object. */
function exceptionMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  const m = (e as { Message?: unknown } | null)?.Message;
  return m !== undefined ? toStr(m) : toStr(e);
}

/** The .NET type name of an exception value: a ShellError's, $_.Exception's GetType(), else System.Exception. */
function exceptionTypeOf(e: unknown): string | undefined {
  if (e instanceof ShellError) return e.more.exceptionType;
  const getType = (e as { GetType?: unknown } | null)?.GetType;
  const fullName = typeof getType === 'function' ? (getType.call(e) as { FullName?: unknown })?.FullName : undefined;
  return typeof fullName === 'string' ? fullName : 'System.Exception';
}

function fromArgs(a: WriteErrorArgs): ShellError {
  if (a.ErrorRecord instanceof ErrorRecord) return a.ErrorRecord.error;
  if (a.ErrorRecord instanceof ShellError) return a.ErrorRecord;
  const message = a.Message ?? (a.Exception !== undefined ? exceptionMessage(a.Exception) : '');
  const exceptionType = a.Exception === undefined ? WRITE_ERROR_ID : exceptionTypeOf(a.Exception);
  return new ShellError(a.ErrorId || WRITE_ERROR_ID, (a.Category ?? 'NotSpecified') as ErrorCategory, message,
    { target: a.TargetObject ?? undefined, hint: a.RecommendedAction, exceptionType, cause: a.Exception });
}

const common = { sets: ['NoException', 'WithException'] };

export default defineCmdlet({
  name: 'Write-Error',
  synopsis: 'Writes an object to the error stream.',
  description: 'Writes a non-terminating error: it is shown and recorded in $Error, and the script goes on ' +
    '(unless -ErrorAction Stop, or $ErrorActionPreference, says otherwise). Give a message, an exception or an ' +
    'ErrorRecord, and optionally a category, an error id, the target object and a recommended action.',
  module: 'Microsoft.PowerShell.Utility',
  defaultParameterSet: 'NoException',
  parameters: {
    Message: param.string({ help: 'The text of the error.', aliases: ['Msg'],
      sets: { NoException: { mandatory: true, position: 0, valueFromPipeline: true }, WithException: {} } }),
    Exception: param.object({ help: 'An exception (e.g. $_.Exception in a catch block) the error wraps.',
      sets: { WithException: { mandatory: true } } }),
    ErrorRecord: param.object({ help: 'An existing error record to write again (e.g. $_ in a catch block).',
      sets: { ErrorRecord: { mandatory: true } } }),
    Category: param.enum(ErrorCategoryEnum, { help: 'The error category.', ...common, defaultText: 'NotSpecified' }),
    ErrorId: param.string({ help: 'A stable id for this error condition.', ...common }),
    TargetObject: param.object({ help: 'The object the error is about.', ...common }),
    RecommendedAction: param.string({ help: 'What the user should do about it (shown as the hint).' }),
    CategoryActivity: param.string({ help: 'Accepted for compatibility.', aliases: ['Activity'] }),
    CategoryReason: param.string({ help: 'Accepted for compatibility.', aliases: ['Reason'] }),
    CategoryTargetName: param.string({ help: 'Accepted for compatibility.', aliases: ['TargetName'] }),
    CategoryTargetType: param.string({ help: 'Accepted for compatibility.', aliases: ['TargetType'] }),
  },
  examples: [
    { title: 'Report an error and go on',
      code: "Write-Error 'No certificate for pool1' -Category ObjectNotFound -ErrorAction SilentlyContinue; 'still running'",
      output: ['still running'] },
    { title: 'Catch the error it writes',
      code: "try { Write-Error 'failed' -ErrorId 'MyFailure' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId -like 'MyFailure*' }",
      output: [true] },
  ],
  related: ['Write-Warning', 'Write-Verbose'],
  process(args, ctx) {
    ctx.writeError(fromArgs(args as WriteErrorArgs));
  },
});
