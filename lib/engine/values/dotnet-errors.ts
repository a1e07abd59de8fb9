// The errors .NET methods raise as PowerShell reports them: an exception inside a method call is
// 'Exception calling "Name" with "n" argument(s): "..."' with the inner exception's name as the
// id; a missing method or a wrong argument count has its own ids. Imports only lib/core.

import { ShellError } from '../../core/errors.js';

/** What a .NET method throws; methodCall() wraps it once the method's name is known. */
export class DotNetException extends Error {
  constructor(readonly exceptionType: string, message: string) { super(message); }
  get id() { return this.exceptionType.split('.').pop()!; }
}

export const argumentOutOfRange = (param: string, why: string) =>
  new DotNetException('System.ArgumentOutOfRangeException', `${why} (Parameter '${param}')`);
export const argumentError = (message: string) => new DotNetException('System.ArgumentException', message);
export const formatException = (message: string) => new DotNetException('System.FormatException', message);
export const notSupported = (message: string) => new DotNetException('System.NotSupportedException', message);

/** Runs a method body, turning a DotNetException into PowerShell's MethodInvocationException. */
export function methodCall<T>(name: string, argc: number, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (!(e instanceof DotNetException)) throw e;
    throw new ShellError(e.id, 'NotSpecified', `Exception calling "${name}" with "${argc}" argument(s): "${e.message}"`,
      { cause: e, exceptionType: 'System.Management.Automation.MethodInvocationException' });
  }
}

export const methodNotFound = (typeName: string, name: string) => new ShellError('MethodNotFound', 'InvalidOperation',
  `Method invocation failed because [${typeName}] does not contain a method named '${name}'.`,
  { exceptionType: 'System.Management.Automation.RuntimeException' });

export const badArgumentCount = (name: string, argc: number) => new ShellError('MethodCountCouldNotFindBest', 'InvalidOperation',
  `Cannot find an overload for "${name}" and the argument count: "${argc}".`,
  { exceptionType: 'System.Management.Automation.MethodException' });

export const refNotSupported = (name: string) => new ShellError('NotSupported', 'NotImplemented',
  `${name} needs a [ref] argument, which is not supported: use a cast or -as instead (e.g. '42' -as [int]).`);
