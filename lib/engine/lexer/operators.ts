// The words that follow a dash as operators (`-eq`, `-split`) and the keywords PowerShell reserves
// at the start of a statement. Imports nothing.

const comparisons = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch',
  'replace', 'contains', 'notcontains', 'in', 'notin', 'split'];

/** Binary operators written as a dash and a word, without the dash. */
export const dashBinary = new Set<string>([
  'f', 'and', 'or', 'xor', 'band', 'bor', 'bxor', 'shl', 'shr', 'is', 'isnot', 'as', 'join',
  ...comparisons, ...comparisons.map(c => 'i' + c), ...comparisons.map(c => 'c' + c),
]);

/** Unary operators written as a dash and a word. */
export const dashUnary = new Set<string>(['not', 'bnot', 'split', 'isplit', 'csplit', 'join']);

export const isDashOperator = (word: string) => dashBinary.has(word) || dashUnary.has(word);

export const keywords = new Set<string>([
  'begin', 'break', 'catch', 'class', 'continue', 'data', 'define', 'do', 'dynamicparam', 'else',
  'elseif', 'end', 'enum', 'exit', 'filter', 'finally', 'for', 'foreach', 'from', 'function', 'if',
  'in', 'param', 'process', 'return', 'switch', 'throw', 'trap', 'try', 'until', 'using', 'var',
  'while', 'workflow', 'parallel', 'sequence', 'inlinescript', 'configuration', 'clean',
]);
