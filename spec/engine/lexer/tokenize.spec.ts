import { expect } from 'chai';
import { makeSource } from '../../../lib/core/span.js';
import { hasColon, partsOf, quoteOf, tokenize } from '../../../lib/engine/lexer/index.js';

const kinds = (text: string) => tokenize(makeSource('t.ps1', text)).filter(t => t.kind !== 'EndOfInput').map(t => `${t.kind}:${t.text}`);

describe('lexer: tokenize', () => {
  describe('classifies tokens for highlighting and completion', () => {
    const table: [string, string[]][] = [
      ['Get-Item -Path a.txt 2', ['Command:Get-Item', 'Parameter:-Path', 'Generic:a.txt', 'Number:2']],
      ['$x = 2 + 2', ['Variable:$x', 'Operator:=', 'Number:2', 'Operator:+', 'Number:2']],
      ['$x -eq 5', ['Variable:$x', 'Operator:-eq', 'Number:5']],
      ["if ($a) { 'x' }", ['Keyword:if', 'Punctuation:(', 'Variable:$a', 'Punctuation:)', 'Punctuation:{', "String:'x'", 'Punctuation:}']],
      ['a | b # note', ['Command:a', 'Operator:|', 'Command:b', 'Comment:# note']],
      ['<# c #>\ncmd', ['Comment:<# c #>', 'Newline:\n', 'Command:cmd']],
      ['cmd "a $b"', ['Command:cmd', 'ExpandableString:"a $b"']],
      ['cmd 2>&1 > out', ['Command:cmd', 'Redirection:2>&1', 'Redirection:>', 'Generic:out']],
      ['cmd @p', ['Command:cmd', 'SplattedVariable:@p']],
      [':outer while', ['Label::outer', 'Keyword:while']],
      ['cmd -Name:x', ['Command:cmd', 'Parameter:-Name:', 'Generic:x']],
    ];
    for (const [text, expected] of table) it(`reads ${JSON.stringify(text)}`, () => expect(kinds(text)).to.deep.equal(expected));
  });

  // Runs of plain characters are stepped over by regular expressions that stop at the first
  // character beyond ASCII; the character tests take over there (Unicode letters, wide spaces,
  // typographic quotes).
  describe('reads past ASCII as its character tests do', () => {
    const table: [string, string[]][] = [
      ['Get-Item naïve.txt -Filter été*', ['Command:Get-Item', 'Generic:naïve.txt', 'Parameter:-Filter', 'Generic:été*']],
      ['$été.Naïve + $x', ['Variable:$été', 'Operator:.', 'Identifier:Naïve', 'Operator:+', 'Variable:$x']],
      ['cmd -Naïve:1 -Größe', ['Command:cmd', 'Parameter:-Naïve:', 'Number:1', 'Parameter:-Größe']],
      ['a\u00a0\u3000b # c\r\nd\t\t  e', ['Command:a', 'Generic:b', 'Comment:# c', 'Newline:\r\n', 'Command:d', 'Generic:e']],
      ["'it\u2019s' x", ["String:'it\u2019", 'Identifier:s', "String:' x"]],
      ['"a\u201d b"', ['ExpandableString:"a\u201d', 'Identifier:b', 'ExpandableString:"']],
    ];
    for (const [text, expected] of table) it(`reads ${JSON.stringify(text)}`, () => expect(kinds(text)).to.deep.equal(expected));
  });

  it('never throws, and marks broken tokens with their errors', () => {
    const tokens = tokenize(makeSource('t.ps1', '"open $(\n'));
    const last = tokens[tokens.length - 2];
    expect(last.kind).to.equal('ExpandableString');
    expect(last.errors?.map(e => e.id)).to.deep.equal(['TerminatorExpectedAtEndOfString']);
  });

  it('tells how a string is quoted and whether a parameter ends with a colon, from the text', () => {
    const strings = tokenize(makeSource('t.ps1', "'a' \u2018b\u2019 \"c\" @'\nd\n'@ @\"\ne\n\"@"))
      .filter(t => t.kind === 'String' || t.kind === 'ExpandableString');
    expect(strings.map(quoteOf)).to.deep.equal(['single', 'single', 'double', 'singleHere', 'doubleHere']);
    const parameters = tokenize(makeSource('t.ps1', 'cmd -Name: x -Path -- y')).filter(t => t.kind === 'Parameter');
    expect(parameters.map(t => [t.value, hasColon(t)])).to.deep.equal([['Name', true], ['Path', false], ['', false]]);
  });

  it('gives a string the errors of the variables inside it, and a $( ) hole its own', () => {
    const [bad] = tokenize(makeSource('t.ps1', '"a $env: b"'));
    expect(bad.errors?.map(e => e.id)).to.deep.equal(['InvalidVariableReferenceWithDrive']);
    expect(partsOf(bad).filter(x => typeof x !== 'string').map(x => typeof x !== 'string' && x.kind)).to.deep.equal(['Variable']);
    const [hole] = tokenize(makeSource('t.ps1', '"a $( $env: ) b"'));
    expect(hole.errors).to.equal(undefined);   // the parser reads the hole and reports its error once
    const [escape] = tokenize(makeSource('t.ps1', '"`u{zz} $x"'));
    expect(escape.errors?.map(e => e.id)).to.deep.equal(['InvalidUnicodeEscapeSequence']);
  });

  it('gives each token its span and whether space came before it', () => {
    const [cmd, arg] = tokenize(makeSource('t.ps1', 'a\n  $b'));
    expect(cmd.span).to.include({ start: 0, end: 1, line: 1, column: 1 });
    const b = tokenize(makeSource('t.ps1', 'a\n  $b'))[2];
    expect(b.span).to.include({ start: 4, end: 6, line: 2, column: 3 });
    expect(b.spaceBefore).to.equal(true);
    expect(arg.kind).to.equal('Newline');
  });

  it('covers every character of the text with tokens, trivia aside', () => {
    const text = 'function f { param($a) "x$a" | % { $_ } } # done';
    const tokens = tokenize(makeSource('t.ps1', text));
    let covered = '';
    for (const t of tokens) covered += t.text;
    expect(covered.replace(/\s/g, '')).to.equal(text.replace(/\s/g, ''));
  });
});
