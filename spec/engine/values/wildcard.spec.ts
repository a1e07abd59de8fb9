import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { isWildcard, wildcardMatch, wildcardToRegExp } from '../../../lib/engine/values/wildcard.js';

describe('wildcard: matching (about_Wildcards)', () => {
  const cases: [string, string, boolean][] = [
    ['PowerShell', '*shell', true], ['PowerShell', 'Power?hell', true], ['PowerShell', 'Power[p-w]hell', true],
    ['PowerShell', 'shell', false], ['Server', '*shell', false], ['a', 'a*', true], ['ab', 'a?', true],
    ['abc', 'a?', false], ['', '*', true], ['', '?', false], ['book', '[bc]ook', true], ['look', '[bc]ook', false],
    ['f??', 'f`?`?', true], ['for', 'f`?`?', false], ['for', 'f??', true], ['a*b', 'a`*b', true], ['axb', 'a`*b', false],
    ['[x]', '`[x`]', true], ['a.b', 'a.b', true], ['axb', 'a.b', false], ['a+b', 'a+b', true], ['a$', 'a$', true],
    ['C:\\dir\\file.txt', '*\\file.*', true], ['line1\nline2', 'line1*', true], ['x', '[a-cx]', true], ['-', '[a-]', true],
  ];
  for (const [text, pattern, ok] of cases)
    it(`'${text}' -like '${pattern}' is ${ok}`, () => expect(wildcardMatch(text, pattern)).to.equal(ok));

  it('ignores case by default', () => expect(wildcardMatch('POWERSHELL', '*shell')).to.equal(true));
  it('respects case when asked (-clike)', () => expect(wildcardMatch('POWERSHELL', '*shell', true)).to.equal(false));
  it('compiles a pattern once', () => expect(wildcardToRegExp('a*')).to.equal(wildcardToRegExp('a*')));
  it('rejects an unclosed bracket', () =>
    expect(() => wildcardToRegExp('[abc')).to.throw(ShellError).that.includes({ id: 'WildcardPatternException', category: 'InvalidArgument' }));
});

describe('wildcard: isWildcard', () => {
  const cases: [string, boolean][] = [['a*', true], ['a?', true], ['[ab]', true], ['plain', false], ['a`*', false], ['', false]];
  for (const [s, w] of cases) it(`'${s}' is ${w ? '' : 'not '}a wildcard`, () => expect(isWildcard(s)).to.equal(w));
});
