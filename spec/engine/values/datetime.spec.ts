import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import {
  addMonths, dateKind, dateTicks, displayDate, invariantDateString, parseDate, parseExactDate, subtractDates, toLocalTime, toUniversalTime,
} from '../../../lib/engine/values/datetime.js';

// Dates are built in local time, so the assertions hold in any time zone.
describe('datetime', () => {
  describe('parseDate (the invariant forms [datetime] casts accept)', () => {
    const cases: [string, Date][] = [
      ['2030-01-01', new Date(2030, 0, 1)], ['2030-01-02T03:04:05', new Date(2030, 0, 2, 3, 4, 5)],
      ['2030-01-02 03:04:05.5', new Date(2030, 0, 2, 3, 4, 5, 500)], ['1/2/2030', new Date(2030, 0, 2)],
      ['01/02/2030 10:30 PM', new Date(2030, 0, 2, 22, 30)], ['November 24, 2026', new Date(2026, 10, 24)],
      ['24 Nov 2026', new Date(2026, 10, 24)], ['Tuesday, November 24, 2026 5:31:52 AM', new Date(2026, 10, 24, 5, 31, 52)],
      ['2030/12/31', new Date(2030, 11, 31)],
    ];
    for (const [text, want] of cases) it(`reads '${text}'`, () => expect(parseDate(text).getTime()).to.equal(want.getTime()));
    it('turns a UTC time into local time', () => {
      expect(parseDate('2030-01-01T00:00:00Z').getTime()).to.equal(Date.UTC(2030, 0, 1));
      expect(dateKind(parseDate('2030-01-01T00:00:00Z'))).to.equal('Local');
    });
    it('honours an offset', () => expect(parseDate('2030-01-01T02:00:00+02:00').getTime()).to.equal(Date.UTC(2030, 0, 1)));
    it('reads a time alone as today', () => expect(parseDate('10:15').getDate()).to.equal(new Date().getDate()));
    for (const bad of ['hello', '2030-02-30', '13/45/2030', '']) it(`refuses '${bad}'`, () => {
      expect(() => parseDate(bad)).to.throw(ShellError).with.property('id', 'FormatException');
    });
  });

  describe('parseExactDate', () => {
    it('reads a custom pattern', () => expect(parseExactDate('20300102-0304', 'yyyyMMdd-HHmm').getTime()).to.equal(new Date(2030, 0, 2, 3, 4).getTime()));
    it('reads month names', () => expect(parseExactDate('02 Jan 2030', 'dd MMM yyyy').getTime()).to.equal(new Date(2030, 0, 2).getTime()));
    it('tries each of several formats', () => expect(parseExactDate('2030', ['MM/dd', 'yyyy']).getFullYear()).to.equal(2030));
    it('refuses text that does not fit', () => expect(() => parseExactDate('2030-01', 'yyyyMM')).to.throw(ShellError));
  });

  describe('display', () => {
    const d = new Date(2026, 10, 24, 5, 31, 52);
    it('shows a date as Get-Date does', () => expect(displayDate(d)).to.equal('Tuesday, November 24, 2026 5:31:52 AM'));
    it('converts to string invariantly', () => expect(invariantDateString(d)).to.equal('11/24/2026 05:31:52'));
  });

  describe('arithmetic', () => {
    it('subtracts dates into a TimeSpan', () => expect(String(subtractDates(new Date(2030, 0, 2, 12), new Date(2030, 0, 1)))).to.equal('1.12:00:00'));
    it('adds months clamping the day (Jan 31 + 1 month is Feb 28)', () => expect(addMonths(new Date(2030, 0, 31), 1).getDate()).to.equal(28));
    it('subtracts months across a year', () => expect(addMonths(new Date(2030, 0, 15), -2).getMonth()).to.equal(10));
    it('counts ticks from year 1', () => expect(dateTicks(new Date(2001, 0, 1)) / 1e11).to.be.closeTo(631139040000000000 / 1e11, 1));
    it('round-trips through UTC', () => {
      const d = new Date(2030, 5, 1, 12);
      const u = toUniversalTime(d);
      expect(dateKind(u)).to.equal('Utc');
      expect(u.getHours()).to.equal(new Date(d.getTime()).getUTCHours());
      expect(toLocalTime(u).getTime()).to.equal(d.getTime());
    });
  });
});
