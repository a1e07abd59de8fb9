// The syntax tree: what the parser builds and the runtime walks. Every node has a `kind` and the
// `span` of its source text. The parser only builds nodes; names stay as written (case kept),
// binding and type resolution happen at run time. Imports only lib/core.

import type { Span } from '../../core/span.js';

/** Most nodes the parser builds are their own spans (`node.span === node`: they also carry the
 *  span's source, start and end), so a parse makes no span object per node. A script block (its
 *  `end` is a block) and nodes made elsewhere point at a separate span. */
interface Node { readonly span: Span }

// ---- Script structure ----------------------------------------------------------------------

/** A script file, a `{ ... }` block or a function body. A body without named blocks is `end`. */
export interface ScriptBlockAst extends Node {
  kind: 'ScriptBlock';
  attributes: AttributeAst[];             // [CmdletBinding()] etc. written before param()
  param?: ParamBlockAst;
  begin?: StatementBlockAst;
  process?: StatementBlockAst;
  end?: StatementBlockAst;
  /** The original text between the braces (or the whole file): $sb.ToString() returns it. */
  text: string;
}

export interface ParamBlockAst extends Node {
  kind: 'ParamBlock';
  attributes: AttributeAst[];
  parameters: ParameterAst[];
}

/** `[Parameter(Mandatory)] [string[]] $Name = 'x'` */
export interface ParameterAst extends Node {
  kind: 'Parameter';
  name: string;                            // without '$'
  attributes: (AttributeAst | TypeConstraintAst)[];
  defaultValue?: ExpressionAst;
}

/** `[Parameter(Mandatory, Position = 0)]`, `[ValidateSet('a','b')]`, `[CmdletBinding()]` */
export interface AttributeAst extends Node {
  kind: 'Attribute';
  typeName: TypeNameAst;
  positional: ExpressionAst[];
  named: { name: string; value?: ExpressionAst; span: Span }[];   // `Mandatory` alone has no value
}

/** `[int]` standing before a parameter name. */
export interface TypeConstraintAst extends Node {
  kind: 'TypeConstraint';
  typeName: TypeNameAst;
}

/** `string`, `string[]`, `System.Collections.Generic.List[string]`, `hashtable` */
export interface TypeNameAst extends Node {
  kind: 'TypeName';
  name: string;                            // as written, without generic arguments or []
  generics: TypeNameAst[];
  arrayRank: number;                       // 0: not an array; 1: `[]`
  text: string;                            // the whole name as written, e.g. 'string[]'
}

export interface StatementBlockAst extends Node {
  kind: 'StatementBlock';
  statements: StatementAst[];
}

// ---- Statements ----------------------------------------------------------------------------

export type StatementAst =
  | PipelineAst | PipelineChainAst | AssignmentAst | IfAst | SwitchAst | ForeachAst | ForAst
  | WhileAst | DoLoopAst | BreakAst | ContinueAst | ReturnAst | ExitAst | ThrowAst | TryAst
  | TrapAst | FunctionDefinitionAst | StatementBlockAst;

/** `a | b | c`. A lone expression is a pipeline of one CommandExpression. */
export interface PipelineAst extends Node {
  kind: 'Pipeline';
  elements: (CommandAst | CommandExpressionAst)[];
}

/** `a && b`, `a || b` (PowerShell 7); left-associative. */
export interface PipelineChainAst extends Node {
  kind: 'PipelineChain';
  left: PipelineAst | PipelineChainAst;
  operator: '&&' | '||';
  right: PipelineAst;
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '??=';

/** `$x = ...`, `$a, $b = ...`, `$h.Key += 1`, `[int]$x = ...`. The value is a statement. */
export interface AssignmentAst extends Node {
  kind: 'Assignment';
  target: ExpressionAst;                   // Variable, Member, Index, Convert(Variable), ArrayLiteral
  operator: AssignmentOperator;
  value: StatementAst;
}

export interface IfAst extends Node {
  kind: 'If';
  clauses: { condition: PipelineAst | PipelineChainAst | AssignmentAst; body: StatementBlockAst }[];
  else?: StatementBlockAst;
}

export interface SwitchFlags { regex: boolean; wildcard: boolean; exact: boolean; caseSensitive: boolean; file: boolean }

export interface SwitchAst extends Node {
  kind: 'Switch';
  label?: string;
  flags: SwitchFlags;
  condition: PipelineAst;                  // with -File: the path expression
  clauses: { pattern: ExpressionAst; body: StatementBlockAst }[];   // a ScriptBlockExpression pattern is a condition
  default?: StatementBlockAst;
}

export interface ForeachAst extends Node {
  kind: 'Foreach';
  label?: string;
  variable: VariableAst;
  iterable: PipelineAst;
  body: StatementBlockAst;
}

export interface ForAst extends Node {
  kind: 'For';
  label?: string;
  init?: StatementAst;
  condition?: StatementAst;
  iterator?: StatementAst;
  body: StatementBlockAst;
}

export interface WhileAst extends Node {
  kind: 'While';
  label?: string;
  condition: StatementAst;
  body: StatementBlockAst;
}

/** `do { } while (...)` and `do { } until (...)` */
export interface DoLoopAst extends Node {
  kind: 'DoWhile' | 'DoUntil';
  label?: string;
  condition: StatementAst;
  body: StatementBlockAst;
}

export interface BreakAst extends Node { kind: 'Break'; label?: ExpressionAst }
export interface ContinueAst extends Node { kind: 'Continue'; label?: ExpressionAst }
export interface ReturnAst extends Node { kind: 'Return'; value?: StatementAst }
export interface ExitAst extends Node { kind: 'Exit'; value?: StatementAst }
export interface ThrowAst extends Node { kind: 'Throw'; value?: StatementAst }

export interface TryAst extends Node {
  kind: 'Try';
  body: StatementBlockAst;
  catches: { types: TypeNameAst[]; body: StatementBlockAst; span: Span }[];   // no types: catch all
  finally?: StatementBlockAst;
}

/** Parsed so that the runtime can refuse it by name ("trap is not supported"). */
export interface TrapAst extends Node { kind: 'Trap'; type?: TypeNameAst; body: StatementBlockAst }

/** `function Name($a, $b) { ... }`, `filter Name { ... }`, `function script:Name { ... }` */
export interface FunctionDefinitionAst extends Node {
  kind: 'FunctionDefinition';
  name: string;
  isFilter: boolean;
  parameters?: ParameterAst[];             // the parenthesised form; else body.param
  body: ScriptBlockAst;
}

// ---- Commands ------------------------------------------------------------------------------

/** `Get-Item -Path x y`, `& $sb 1 2`, `. ./lib.ps1`. elements[0] names the command. */
export interface CommandAst extends Node {
  kind: 'Command';
  invocation: '&' | '.' | null;
  elements: (ExpressionAst | CommandParameterAst)[];
  redirections: RedirectionAst[];
}

/** `-Name`, `-Name:value` (argument attached), `--` (name '', endOfParameters). */
export interface CommandParameterAst extends Node {
  kind: 'CommandParameter';
  name: string;                            // without the dash, as written
  argument?: ExpressionAst;                // only for the colon form
  endOfParameters?: boolean;               // the bare `--` token
}

/** An expression standing as a pipeline element: `1 + 1`, `$x | ...`, `@(1,2) | ...` */
export interface CommandExpressionAst extends Node {
  kind: 'CommandExpression';
  expression: ExpressionAst;
  redirections: RedirectionAst[];
}

export type RedirectionAst =
  | { kind: 'FileRedirection'; stream: StreamName; append: boolean; target: ExpressionAst; span: Span }
  | { kind: 'MergingRedirection'; from: StreamName; to: StreamName; span: Span };   // 2>&1
export type StreamName = 'Output' | 'Error' | 'Warning' | 'Verbose' | 'Debug' | 'Information' | 'All';

// ---- Expressions ---------------------------------------------------------------------------

export type ExpressionAst =
  | ConstantAst | StringConstantAst | ExpandableStringAst | VariableAst | BinaryAst | UnaryAst
  | ConvertAst | TypeLiteralAst | ParenAst | SubExpressionAst | ArrayExpressionAst | ArrayLiteralAst
  | HashtableAst | ScriptBlockExpressionAst | MemberAst | InvokeMemberAst | IndexAst | TernaryAst;

/** Numbers, and $true/$false/$null are Variables. `0x1F`, `1kb`, `1.5e3`, `10L`. */
export interface ConstantAst extends Node {
  kind: 'Constant';
  value: number;
  numberType: 'int' | 'long' | 'double';
  text: string;
}

/** Bare words in argument mode, 'single' and @'here'@ strings, and member names. */
export interface StringConstantAst extends Node {
  kind: 'StringConstant';
  value: string;                           // escapes already applied
  quote: 'bare' | 'single' | 'double' | 'singleHere' | 'doubleHere';
}

/** "text $var $(...) ${x}" and @"here"@: parts alternate literal text and expressions. */
export interface ExpandableStringAst extends Node {
  kind: 'ExpandableString';
  parts: (string | ExpressionAst)[];       // strings have escapes applied
  quote: 'double' | 'doubleHere' | 'bare'; // bare: an argument word like $dir\file or a$b
  text: string;                            // as written, without the quotes
}

/** `$x`, `$script:x`, `$env:PATH`, `${a b}`, `@splat` (splatted). */
export interface VariableAst extends Node {
  kind: 'Variable';
  name: string;                            // without scope or drive prefix
  scope: string | null;                    // 'script' | 'global' | 'local' | 'private' | 'env' | 'variable' | ...
  splatted: boolean;
}

/**
 * Binary operators, normalised to lower case: '+', '-', '*', '/', '%', '..', '-f', '-and', '-or',
 * '-xor', '-band', '-bor', '-bxor', '-shl', '-shr', '-eq', '-ne', '-gt', '-ge', '-lt', '-le',
 * '-like', '-notlike', '-match', '-notmatch', '-replace', '-contains', '-notcontains', '-in',
 * '-notin', '-split', '-join', '-is', '-isnot', '-as', '??', each comparison also with 'i'/'c'
 * ('-ceq', '-ilike', '-creplace', '-csplit', ...). '-ieq' is kept as written, not folded to '-eq'.
 */
export interface BinaryAst extends Node {
  kind: 'Binary';
  operator: string;
  left: ExpressionAst;
  right: ExpressionAst;
}

/** '-not', '!', '-', '+', '-bnot', ',', '-split', '-join', '++x', '--x', 'x++', 'x--'. */
export interface UnaryAst extends Node {
  kind: 'Unary';
  operator: string;                        // prefix as written; postfix as 'post++' / 'post--'
  operand: ExpressionAst;
}

/** `[int]$x`, `[ordered]@{...}`, `[string[]]$list`. */
export interface ConvertAst extends Node {
  kind: 'Convert';
  type: TypeNameAst;
  operand: ExpressionAst;
}

/** `[datetime]` alone, e.g. before `::Now`. */
export interface TypeLiteralAst extends Node { kind: 'TypeLiteral'; type: TypeNameAst }

/** `( pipeline )` */
export interface ParenAst extends Node { kind: 'Paren'; statement: StatementAst }
/** `$( statements )` */
export interface SubExpressionAst extends Node { kind: 'SubExpression'; statements: StatementAst[] }
/** `@( statements )` */
export interface ArrayExpressionAst extends Node { kind: 'ArrayExpression'; statements: StatementAst[] }
/** `1, 2, 3` */
export interface ArrayLiteralAst extends Node { kind: 'ArrayLiteral'; elements: ExpressionAst[] }

/** `@{ a = 1; 'b' = 2 }` — values are statements (`a = Get-Date`). */
export interface HashtableAst extends Node {
  kind: 'Hashtable';
  entries: { key: ExpressionAst; value: StatementAst }[];
}

export interface ScriptBlockExpressionAst extends Node { kind: 'ScriptBlockExpression'; block: ScriptBlockAst }

/** `$x.Name`, `$x.$prop`, `[math]::PI`, `$x?.Name` */
export interface MemberAst extends Node {
  kind: 'Member';
  target: ExpressionAst;
  member: ExpressionAst;                   // usually a bare StringConstant
  static: boolean;
  nullConditional: boolean;
}

/** `$x.Method(a, b)`, `[math]::Round(2.5)`, `$x?.Method()` */
export interface InvokeMemberAst extends Node {
  kind: 'InvokeMember';
  target: ExpressionAst;
  member: ExpressionAst;
  args: ExpressionAst[];
  static: boolean;
  nullConditional: boolean;
}

/** `$a[0]`, `$a[-1]`, `$a[1..3]`, `$h['key']`, `$a?[0]` */
export interface IndexAst extends Node {
  kind: 'Index';
  target: ExpressionAst;
  index: ExpressionAst;
  nullConditional: boolean;
}

export interface TernaryAst extends Node {
  kind: 'Ternary';
  condition: ExpressionAst;
  ifTrue: ExpressionAst;
  ifFalse: ExpressionAst;
}

export type AnyAst = StatementAst | ExpressionAst | ScriptBlockAst | ParamBlockAst | ParameterAst
  | AttributeAst | TypeConstraintAst | TypeNameAst | CommandAst | CommandParameterAst | CommandExpressionAst;
