// Character classes the lexer tests, on UTF-16 code units. PowerShell accepts typographic dashes
// and quotes as ASCII ones (text pasted from documents), so these helpers do too. Imports nothing.

export const TAB = 9, LF = 10, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, DOLLAR = 36,
  PERCENT = 37, AMP = 38, SQUOTE = 39, LPAREN = 40, RPAREN = 41, STAR = 42, PLUS = 43, COMMA = 44,
  DASH = 45, DOT = 46, SLASH = 47, ZERO = 48, NINE = 57, COLON = 58, SEMI = 59, LT = 60, EQ = 61,
  GT = 62, QUESTION = 63, AT = 64, LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93, CARET = 94,
  UNDERSCORE = 95, BACKTICK = 96, LBRACE = 123, PIPE = 124, RBRACE = 125;

/** What the lexer reads past the end of its text: a small integer like every character code, so
 *  the character tests stay on small-integer comparisons (NaN, a heap number, made V8 throw away
 *  their optimised code). */
export const END = -1;

// ASCII characters (and END, at index 0: every table is read at `c + 1`) classified once, so a
// test is one load and a mask instead of a chain of comparisons, cheap even before V8 optimises it.
// The lexer's hot loops read the table directly (`classes[c + 1] & FLAG`, for c < 128): a call per
// character costs more than the test itself until V8 inlines it.
export const SPACE_CHAR = 1, IDENT_START = 2, IDENT_CHAR = 4, ENDS_WORD = 8;
/** `$ ' " \``, which a bare word's scan must look at (a variable, a quote, an escape). */
export const WORD_SPECIAL = 16;
/** May start trivia: whitespace, `#`, `<#`, a backtick line continuation. */
export const TRIVIA_START = 32;
/** Continues a variable name: an identifier character or `?`. */
export const VARIABLE_CHAR = 64;
export const classes = new Uint8Array(129);
function classify(flag: number, test: (c: number) => boolean) {
  for (let c = -1; c < 128; c++) if (test(c)) classes[c + 1] |= flag;
}
classify(SPACE_CHAR, c => c === SPACE || c === TAB || c === 11 || c === 12);
classify(IDENT_START, c => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE);
classify(IDENT_CHAR, c => (classes[c + 1] & IDENT_START) !== 0 || (c >= ZERO && c <= NINE));
classify(ENDS_WORD, c => c === END || (classes[c + 1] & SPACE_CHAR) !== 0 || c === LF || c === CR || c === LBRACE
  || c === RBRACE || c === LPAREN || c === RPAREN || c === SEMI || c === COMMA || c === PIPE || c === AMP);
classify(WORD_SPECIAL, c => c === DOLLAR || c === SQUOTE || c === DQUOTE || c === BACKTICK);
classify(TRIVIA_START, c => (classes[c + 1] & SPACE_CHAR) !== 0 || c === HASH || c === LT || c === BACKTICK);
classify(VARIABLE_CHAR, c => (classes[c + 1] & IDENT_CHAR) !== 0 || c === QUESTION);

// Runs of characters the lexer steps over whole, as sticky regular expressions: V8 compiles a
// regular expression to native code after its first use, so a run costs one call instead of
// several bytecodes per character while the lexer itself still runs in the interpreter or in
// baseline code (most of a one-off parse). Each matches only characters its loop would step over
// without looking further, and the loop goes on from where the run ends, so the lexer reads the
// same tokens. ASCII only where the loop's test beyond ASCII is a Unicode class: a regular
// expression without the `u` flag has none, and with it would read surrogate pairs as one letter.
/** Blanks: SPACE_CHAR and the wide spaces isSpace accepts. */
export const BLANKS = /[\t\v\f \u00a0\u0085\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*/y;
/** Spaces and tabs: what the parser steps over before looking for a line end. */
export const SPACES_AND_TABS = /[\t ]*/y;
/** The rest of a line: a `#` comment's text. */
export const LINE_REST = /[^\n\r]*/y;
/** Letters, digits and `_` (IDENT_CHAR). */
export const IDENT_CHARS = /[0-9A-Z_a-z]*/y;
/** A type name's ASCII characters: IDENT_CHAR, `.`, `+` and the backtick of a generic's arity. */
export const TYPE_NAME_CHARS = /[+.0-9A-Z_`a-z]*/y;
/** What continues a variable name in ASCII (VARIABLE_CHAR). */
export const VARIABLE_CHARS = /[0-9?A-Z_a-z]*/y;
/** A bare word's plain characters: ASCII that neither ends a word (ENDS_WORD) nor needs a look
 *  (WORD_SPECIAL: `$ ' " \``). */
export const WORD_CHARS = /[^\t\n\v\f\r "$&'(),;`{|}\u0080-\uffff]*/y;
/** A parameter name's plain characters: as a word's, but `:` ends it too and `$` and the backtick
 *  do not. */
export const PARAMETER_CHARS = /[^\t\n\v\f\r "&'(),:;{|}\u0080-\uffff]*/y;
/** A 'single' quoted string's characters up to a quote of any kind. */
export const SINGLE_QUOTED = /[^'\u2018-\u201b]*/y;
/** An expandable string's plain characters: up to a backtick, a `$` or a double quote of any kind. */
export const EXPANDABLE_PLAIN = /[^"$`\u201c-\u201e]*/y;

/** Where the run `pattern` matches from `i` ends, at most at `limit` (`i` <= `limit`, which is
 *  at most the text's length). */
export function runEnd(pattern: RegExp, text: string, i: number, limit: number): number {
  pattern.lastIndex = i;
  pattern.test(text);
  const end = pattern.lastIndex;
  return end < limit ? end : limit;
}

export const isDigit = (c: number) => c >= ZERO && c <= NINE;

export function isHexDigit(c: number) {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function isLetter(c: number) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && /\p{L}/u.test(String.fromCharCode(c));
}

export const isIdentStart = (c: number) => c < 128 ? (classes[c + 1] & IDENT_START) !== 0 : isLetter(c);
export const isIdentChar = (c: number) => c < 128 ? (classes[c + 1] & IDENT_CHAR) !== 0 : isLetter(c);
/** `$a?` is a variable named `a?` in PowerShell (hence `${a}?.b`). */
export const isVariableChar = (c: number) => isIdentChar(c) || c === QUESTION;

export const isNewline = (c: number) => c === LF || c === CR;

export function isSpace(c: number) {
  return c < 128 ? (classes[c + 1] & SPACE_CHAR) !== 0 : isWideSpace(c);
}

function isWideSpace(c: number) {
  return c === 0xa0 || c === 0x85 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028
    || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export const isDash = (c: number) => c === DASH || c === 0x2013 || c === 0x2014 || c === 0x2015;
export const isSingleQuote = (c: number) => c === SQUOTE || (c >= 0x2018 && c <= 0x201b);
export const isDoubleQuote = (c: number) => c === DQUOTE || (c >= 0x201c && c <= 0x201e);

/** Characters that end a bare word and start a new token (PowerShell's ForceStartNewToken), and
 *  the end of the text. */
export function endsBareWord(c: number) {
  return c < 128 ? (classes[c + 1] & ENDS_WORD) !== 0 : isWideSpace(c);
}

/** The value of a backtick escape: `n is a newline; an unknown letter stands for itself. */
export function escapeValue(c: number): string {
  switch (c) {
    case ZERO: return '\0';
    case 97: return '\x07';   // a
    case 98: return '\b';     // b
    case 101: return '\x1b';  // e
    case 102: return '\f';    // f
    case 110: return '\n';    // n
    case 114: return '\r';    // r
    case 116: return '\t';    // t
    case 118: return '\v';    // v
    default: return String.fromCharCode(c);
  }
}
