// The binder's errors: PowerShell's ParameterBinderStrings ids, categories and messages, each a
// ShellError carrying the argument's span and a hint that names the Get-Help command to run.
// Imports only lib/core.

import { ShellError, type ErrorCategory } from '../../core/errors.js';
import type { Span } from '../../core/span.js';

const BINDING = 'System.Management.Automation.ParameterBindingException';
const VALIDATION = 'System.Management.Automation.ParameterBindingValidationException';
const TRANSFORMATION = 'System.Management.Automation.ParameterBindingArgumentTransformationException';

/** Where an error points: the command, the parameter (if known) and the source text. */
export interface ErrorSite { command: string; parameter?: string; span?: Span; target?: unknown }

function make(id: string, category: ErrorCategory, message: string, site: ErrorSite,
  hint: string, exceptionType = BINDING): ShellError {
  return new ShellError(id, category, message, { span: site.span, target: site.target, hint, exceptionType });
}

const helpFor = (s: ErrorSite) => s.parameter
  ? `Run 'Get-Help ${s.command} -Parameter ${s.parameter}' to see what it accepts.`
  : `Run 'Get-Help ${s.command}' to see its parameters.`;
const syntaxHint = (s: ErrorSite) => `Run 'Get-Command ${s.command} -Syntax' to see its parameter sets.`;

export const namedParameterNotFound = (s: ErrorSite, name: string, suggestion?: string) =>
  make('NamedParameterNotFound', 'InvalidArgument',
    `A parameter cannot be found that matches parameter name '${name}'.`, s,
    suggestion ? `Did you mean -${suggestion}? ${helpFor({ command: s.command })}` : helpFor({ command: s.command }));

export const ambiguousParameter = (s: ErrorSite, name: string, candidates: string[]) =>
  make('AmbiguousParameter', 'InvalidArgument',
    `Parameter cannot be processed because the parameter name '${name}' is ambiguous. ` +
    `Possible matches include: ${candidates.map(c => '-' + c).join(' ')}.`, s,
    'Type more of the parameter name, enough to tell the candidates apart.');

export const parameterAlreadyBound = (s: ErrorSite, name: string) =>
  make('ParameterAlreadyBound', 'InvalidArgument',
    `Cannot bind parameter because parameter '${name}' is specified more than once. To provide multiple ` +
    'values to parameters that can accept multiple values, use the array syntax. For example, ' +
    '"-parameter value1,value2,value3".', s, 'Give each parameter once; pass several values as a comma list.');

export const missingArgument = (s: ErrorSite, name: string, typeName: string) =>
  make('MissingArgument', 'InvalidArgument',
    `Missing an argument for parameter '${name}'. Specify a parameter of type '${typeName}' and try again.`, s,
    helpFor(s));

export const positionalParameterNotFound = (s: ErrorSite, text: string) =>
  make('PositionalParameterNotFound', 'InvalidArgument',
    `A positional parameter cannot be found that accepts argument '${text}'.`, s,
    `Name the parameter this value is for. ${syntaxHint(s)}`);

export const ambiguousParameterSet = (s: ErrorSite) =>
  make('AmbiguousParameterSet', 'InvalidArgument',
    'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued ' +
    'cannot be used together or an insufficient number of parameters were provided.', s, syntaxHint(s));

export const missingMandatoryParameter = (s: ErrorSite, names: readonly string[]) =>
  make('MissingMandatoryParameter', 'InvalidArgument',
    `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`, s,
    `Supply ${names.map(n => '-' + n).join(', ')}. ${syntaxHint(s)}`);

export const inputObjectNotBound = (s: ErrorSite) =>
  make('InputObjectNotBound', 'InvalidArgument',
    'The input object cannot be bound to any parameters for the command either because the command does not ' +
    'take pipeline input or the input and its properties do not match any of the parameters that take ' +
    'pipeline input.', s, `Run 'Get-Help ${s.command} -Full' to see which parameters take pipeline input.`);

export const inputObjectMissingMandatory = (s: ErrorSite, names: readonly string[]) =>
  make('InputObjectMissingMandatory', 'InvalidArgument',
    'The input object cannot be bound because it did not contain the information required to bind all ' +
    `mandatory parameters: ${names.join(' ')}`, s,
    `Give ${names.map(n => '-' + n).join(', ')} on the command line, or pipe objects that have them.`);

/** A value of the wrong shape for the parameter's type (an array to a scalar parameter). */
export const cannotConvertArgument = (s: ErrorSite, fromType: string, toType: string, reason: string) =>
  make('CannotConvertArgument', 'InvalidArgument',
    `Cannot convert '${fromType}' to the type '${toType}' required by parameter '${s.parameter}'. ${reason}`, s,
    helpFor(s));

/** A cmdlet parameter whose value does not convert: "Cannot bind parameter 'X'. <why>". */
export const cannotConvertArgumentNoMessage = (s: ErrorSite, why: string, hint = helpFor(s)) =>
  make('CannotConvertArgumentNoMessage', 'InvalidArgument', `Cannot bind parameter '${s.parameter}'. ${why}`, s, hint);

/** A script parameter's own conversion (a typed param() variable) failed. */
export const transformationError = (s: ErrorSite, why: string) =>
  make('ParameterArgumentTransformationError', 'InvalidData',
    `Cannot process argument transformation on parameter '${s.parameter}'. ${why}`, s, helpFor(s), TRANSFORMATION);

export const validationError = (s: ErrorSite, why: string) =>
  make('ParameterArgumentValidationError', 'InvalidData',
    `Cannot validate argument on parameter '${s.parameter}'. ${why}`, s, helpFor(s), VALIDATION);

/** Mandatory parameters refuse $null, '' and @() (PowerShell's AllowNull/AllowEmpty* are not modelled). */
export const nullNotAllowed = (s: ErrorSite, what: 'null' | 'an empty string' | 'an empty array') =>
  make(what === 'null' ? 'ParameterArgumentValidationErrorNullNotAllowed'
    : what === 'an empty string' ? 'ParameterArgumentValidationErrorEmptyStringNotAllowed'
      : 'ParameterArgumentValidationErrorEmptyArrayNotAllowed', 'InvalidData',
  `Cannot bind argument to parameter '${s.parameter}' because it is ${what}.`, s, helpFor(s), VALIDATION);

export const enumValuesHint = (command: string, parameter: string) =>
  `Run 'Get-Help ${command} -Parameter ${parameter}' to see the valid values.`;
