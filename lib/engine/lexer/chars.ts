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
