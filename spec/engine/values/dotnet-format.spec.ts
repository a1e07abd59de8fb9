import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { formatString, formatValue } from '../../../lib/engine/values/dotnet-format.js';

// Expected strings from the .NET "Standard numeric format strings", "Custom numeric format
// strings" and "Standard/Custom date and time format strings" pages (en-US culture).
describe('dotnet-format', () => {
  describe('standard numeric formats', () => {
    const cases: [number, string, string][] = [
      [1234.5678, 'C', '$1,234.57'], [-1234.5678, 'C3', '-$1,234.568'],
      [1234, 'D', '1234'], [-1234, 'D6', '-001234'],
      [1052.0329112756, 'E', '1.052033E+003'], [-1052.0329112756, 'e2', '-1.05e+003'], [0, 'E2', '0.00E+000'],
      [1234.567, 'F', '1234.57'], [-1898300.1987, 'F1', '-1898300.2'], [1234, 'F', '1234.00'], [2.5, 'F0', '3'],
      [123.4546, 'G', '123.4546'], [123.4546, 'G4', '123.5'], [-1.234567890e-25, 'G', '-1.23456789E-25'], [12345.6789, 'G2', '1.2E+04'],
      [1234.567, 'N', '1,234.57'], [-1234.567, 'N1', '-1,234.6'], [1234, 'N0', '1,234'],
      [0.2468013, 'P', '24.68%'], [-0.39678, 'P1', '-39.7%'],
      [255, 'X', 'FF'], [255, 'x4', '00ff'], [-1, 'X', 'FFFFFFFF'],
      [0.1 + 0.2, 'R', '0.30000000000000004'],
    ];
    for (const [n, f, want] of cases) it(`${n} with '${f}' is '${want}'`, () => expect(formatValue(n, f)).to.equal(want));
    it('refuses D and X for a double', () => {
      expect(() => formatValue(1.5, 'D')).to.throw(ShellError).with.property('id', 'FormatError');
    });
    it('refuses a letter that names no standard format', () => {
      expect(() => formatValue(1, 'Z')).to.throw(ShellError).with.property('id', 'FormatError');
    });
  });

  describe('default ToString of numbers', () => {
    const cases: [number, string][] = [[42, '42'], [-7, '-7'], [1.5, '1.5'], [1e20, '1E+20'], [1e-7, '1E-07'], [0.0001, '0.0001'],
      [2 ** 40, '1099511627776'], [1e15 + 0.5, '1.0000000000000005E+15'], [NaN, 'NaN']];
    for (const [n, want] of cases) it(`${n} is '${want}'`, () => expect(formatValue(n, '')).to.equal(want));
  });

  describe('custom numeric formats', () => {
    const cases: [number, string, string][] = [
      [123, '00000', '00123'], [1.2, '0.00', '1.20'], [0.45678, '0.00', '0.46'], [1.2, '#.##', '1.2'], [0.5, '#.##', '.5'],
      [1234567890, '#,#', '1,234,567,890'], [1234567.891, '#,##0.00', '1,234,567.89'], [1234567890, '#,##0,,', '1,235'],
      [0.086, '#0.##%', '8.6%'], [86000, '0.###E+0', '8.6E+4'], [1234567890, '(###) ###-####', '(123) 456-7890'],
      [-12.5, '#,##0.0;(#,##0.0)', '(12.5)'], [0, '#,##0;(#,##0);Zero', 'Zero'], [5, "0 'items'", '5 items'], [5, '\\#0', '#5'],
      [42, '0000.0', '0042.0'],
    ];
    for (const [n, f, want] of cases) it(`${n} with '${f}' is '${want}'`, () => expect(formatValue(n, f)).to.equal(want));
  });

  describe('date formats', () => {
    const d = new Date(2009, 5, 15, 13, 45, 30, 617);
    const cases: [string, string][] = [
      ['d', '6/15/2009'], ['D', 'Monday, June 15, 2009'], ['f', 'Monday, June 15, 2009 1:45 PM'],
      ['F', 'Monday, June 15, 2009 1:45:30 PM'], ['g', '6/15/2009 1:45 PM'], ['G', '6/15/2009 1:45:30 PM'],
      ['M', 'June 15'], ['s', '2009-06-15T13:45:30'], ['t', '1:45 PM'], ['T', '1:45:30 PM'], ['u', '2009-06-15 13:45:30Z'],
      ['Y', 'June 2009'], ['yyyy-MM-dd HH:mm:ss', '2009-06-15 13:45:30'], ['ddd, dd MMM yy', 'Mon, 15 Jun 09'],
      ['dddd', 'Monday'], ['hh:mm tt', '01:45 PM'], ['h:m:s.fff', '1:45:30.617'], ['HH:mm:ss.FFFFFFF', '13:45:30.617'],
      ["'Day' d 'of' MMMM", 'Day 15 of June'], ['%d', '15'], ['yyyyMMdd\\THHmm', '20090615T1345'],
    ];
    for (const [f, want] of cases) it(`'${f}' is '${want}'`, () => expect(formatValue(d, f)).to.equal(want));
    it('drops an all-zero F fraction together with its point', () => {
      expect(formatValue(new Date(2009, 5, 15, 13, 45, 30), 'HH:mm:ss.FFF')).to.equal('13:45:30');
    });
    it("'o' round-trips with seven fraction digits", () => {
      expect(formatValue(d, 'o')).to.match(/^2009-06-15T13:45:30\.6170000([+-]\d\d:\d\d|Z)?$/);
    });
    it('shows a date without a format as en-US general', () => expect(formatValue(d, '')).to.equal('6/15/2009 1:45:30 PM'));
  });

  describe('composite formatting', () => {
    const cases: [string, unknown[], string][] = [
      ['{0} and {1}', ['a', 'b'], 'a and b'], ['{0,5}|{0,-5}|', ['ab'], '   ab|ab   |'], ['{0:N2}', [1234.5], '1,234.50'],
      ['{{{0}}}', [7], '{7}'], ['{0:yyyy}', [new Date(2030, 0, 1)], '2030'], ['{0}', [null], ''], ['{0}', [[1, 2]], 'System.Object[]'],
      ['{0}', [true], 'True'], ['{0:N2}', ['3.14159'], '3.14159'], ['{1}{0}', ['a', 'b'], 'ba'], ['{0,8:F2}', [3.14159], '    3.14'],
    ];
    for (const [f, args, want] of cases) it(`'${f}' is '${want}'`, () => expect(formatString(f, args)).to.equal(want));
    const bad: [string, unknown[]][] = [['{1}', ['a']], ['{0', ['a']], ['x}', []], ['{a}', ['a']]];
    for (const [f, args] of bad) it(`refuses '${f}' with FormatError`, () => {
      expect(() => formatString(f, args)).to.throw(ShellError).with.property('id', 'FormatError');
    });
  });
});
