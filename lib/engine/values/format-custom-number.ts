// .NET custom numeric format strings: '0' and '#' placeholders, '.', ',' (grouping, or scaling by
// 1000 just before the point), '%', '‰', 'E+0' exponents, ';' sections, '\' escapes and quoted
// literals. Works on the decimal text toFixed gives, so rounding matches the standard formats.
// Imports nothing.

type Token =
  | { kind: 'zero' | 'hash' | 'point' | 'comma' | 'percent' | 'permille' }
  | { kind: 'literal'; text: string }
  | { kind: 'exp'; letter: string; plus: boolean; digits: number };

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '0') tokens.push({ kind: 'zero' });
    else if (c === '#') tokens.push({ kind: 'hash' });
    else if (c === '.') tokens.push({ kind: 'point' });
    else if (c === ',') tokens.push({ kind: 'comma' });
    else if (c === '%') tokens.push({ kind: 'percent' });
    else if (c === '‰') tokens.push({ kind: 'permille' });
    else if (c === '\\') tokens.push({ kind: 'literal', text: format[++i] ?? '' });
    else if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1), stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, stop) }); i = stop;
    } else if ((c === 'E' || c === 'e') && /^[+-]?0/.test(format.slice(i + 1))) {
      const m = /^([+-]?)(0+)/.exec(format.slice(i + 1))!;
      tokens.push({ kind: 'exp', letter: c, plus: m[1] === '+', digits: m[2].length }); i += m[0].length;
    } else tokens.push({ kind: 'literal', text: c });
  }
  return tokens;
}

/** Splits on ';' outside quotes and escapes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '', quote = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (quote) { if (c === quote) quote = ''; cur += c; continue; }
    if (c === '\\') { cur += c + (format[++i] ?? ''); continue; }
    if (c === "'" || c === '"') quote = c;
    if (c === ';') { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

const isDigit = (t: Token) => t.kind === 'zero' || t.kind === 'hash';

interface Shape { int: Token[]; frac: Token[]; grouping: boolean; scale: number; minInt: number; minFrac: number; maxFrac: number; exp?: Token & { kind: 'exp' } }

function shape(tokens: Token[]): Shape {
  const point = tokens.findIndex(t => t.kind === 'point');
  const int = point < 0 ? tokens : tokens.slice(0, point), frac = point < 0 ? [] : tokens.slice(point + 1).filter(t => t.kind !== 'point');
  const expAt = tokens.findIndex(t => t.kind === 'exp');
  let scale = 1;
  for (const t of tokens) if (t.kind === 'percent') scale *= 100; else if (t.kind === 'permille') scale *= 1000;
  // Commas right before the point (or the end of the digits) divide by 1000; others group.
  const lastDigit = int.map(isDigit).lastIndexOf(true);
  for (let i = lastDigit + 1; i < int.length && int[i].kind === 'comma'; i++) scale /= 1000;
  const grouping = int.some((t, i) => t.kind === 'comma' && i < lastDigit && int.slice(0, i).some(isDigit));
  const firstZero = int.findIndex(t => t.kind === 'zero');
  const fracDigits = frac.filter(isDigit);
  return {
    int, frac, grouping, scale,
    minInt: firstZero < 0 ? 0 : int.slice(firstZero).filter(isDigit).length,
    maxFrac: fracDigits.length, minFrac: fracDigits.map(t => t.kind === 'zero').lastIndexOf(true) + 1,
    exp: expAt < 0 ? undefined : tokens[expAt] as Token & { kind: 'exp' },
  };
}

function fillInteger(s: Shape, digits: string): string {
  const slots = s.int.filter(isDigit).length;
  if (s.grouping || slots === 0) {
    const body = s.grouping ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
    const first = s.int.findIndex(isDigit);
    const lits = (ts: Token[]) => ts.map(t => t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : t.kind === 'permille' ? '‰' : '').join('');
    return first < 0 ? lits(s.int) + body : lits(s.int.slice(0, first)) + body + lits(s.int.slice(s.int.map(isDigit).lastIndexOf(true) + 1));
  }
  // Right to left: each placeholder takes one digit; the leftmost takes what remains.
  let out = '', rest = digits, seen = 0;
  for (let i = s.int.length - 1; i >= 0; i--) {
    const t = s.int[i];
    if (isDigit(t)) {
      seen++;
      out = (seen === slots ? rest : rest.slice(-1)) + out;
      rest = seen === slots ? '' : rest.slice(0, -1);
    } else out = text(t) + out;
  }
  return out;
}

function text(t: Token): string {
  return t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : t.kind === 'permille' ? '‰' : '';
}

function fillFraction(s: Shape, digits: string): string {
  let out = '', i = 0;
  for (const t of s.frac) {
    if (t.kind === 'exp') break;
    if (isDigit(t)) out += digits[i++] ?? '';
    else out += text(t);
  }
  return digits.length ? '.' + out : out;
}

function exponentText(e: Token & { kind: 'exp' }, exp: number) {
  const sign = exp < 0 ? '-' : e.plus ? '+' : '';
  return e.letter + sign + String(Math.abs(exp)).padStart(e.digits, '0');
}

/** n.ToString('#,##0.00'), '0.#', '0%', '0.00E+00', '#,##0;(#,##0);zero'... */
export function formatCustomNumber(n: number, format: string): string {
  const parts = sections(format);
  let chosen = parts[0], value = n, signed = true;
  if (n < 0 && parts.length >= 2 && parts[1] !== '') { chosen = parts[1]; value = -n; signed = false; }
  if (n === 0 && parts.length >= 3 && parts[2] !== '') chosen = parts[2];
  const s = shape(tokenize(chosen));
  let v = Math.abs(value) * s.scale, exp = 0;
  if (s.exp && v !== 0) {
    const intSlots = Math.max(1, s.int.filter(isDigit).length);
    exp = Math.floor(Math.log10(v)) - (intSlots - 1);
    v = v / 10 ** exp;
  }
  const [intText, fracText = ''] = v.toFixed(Math.min(s.maxFrac, 100)).split('.');
  let intDigits = intText === '0' && s.minInt === 0 ? '' : intText;
  intDigits = intDigits.padStart(s.minInt, '0');
  let frac = fracText;
  while (frac.length > s.minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  let out = fillInteger(s, intDigits) + fillFraction(s, frac);
  if (s.exp) out += exponentText(s.exp, exp) + s.frac.slice(s.frac.indexOf(s.exp) + 1).map(text).join('');
  return (signed && value < 0 && /[1-9]/.test(intDigits + frac) ? '-' : '') + out;
}
