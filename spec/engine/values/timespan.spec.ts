import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { TimeSpan, formatTimeSpan, parseTimeSpan } from '../../../lib/engine/values/timespan.js';

describe('timespan', () => {
  describe('parseTimeSpan', () => {
    const cases: [string, string][] = [['01:02:03', '01:02:03'], ['1.02:03:04.5', '1.02:03:04.5000000'], ['-00:30', '-00:30:00'],
      ['5', '5.00:00:00'], ['1:2', '01:02:00'], ['1:02:03:04', '1.02:03:04']];
    for (const [text, want] of cases) it(`reads '${text}' as ${want}`, () => expect(String(parseTimeSpan(text))).to.equal(want));
    for (const bad of ['x', '25:00', '1:60']) it(`refuses '${bad}'`, () => {
      expect(() => parseTimeSpan(bad)).to.throw(ShellError).with.property('category', 'InvalidArgument');
    });
  });

  describe('members', () => {
    const ts = TimeSpan.fromParts(1, 2, 3, 4, 5);
    const props: [keyof TimeSpan, number][] = [['Days', 1], ['Hours', 2], ['Minutes', 3], ['Seconds', 4], ['Milliseconds', 5]];
    for (const [p, want] of props) it(`has ${String(p)}`, () => expect(ts[p]).to.equal(want));
    it('has totals', () => { expect(TimeSpan.fromParts(0, 36, 0, 0).TotalDays).to.equal(1.5); expect(TimeSpan.fromParts(0, 0, 1, 30).TotalSeconds).to.equal(90); });
    it('truncates negative parts toward zero', () => {
      const neg = TimeSpan.fromParts(0, 0, -90, 0);
      expect([neg.Hours, neg.Minutes]).to.deep.equal([-1, -30]);
      expect(String(neg)).to.equal('-01:30:00');
    });
    it('adds, subtracts and negates', () => {
      const a = TimeSpan.fromParts(0, 1, 0, 0), b = TimeSpan.fromParts(0, 0, 30, 0);
      expect([String(a.Add(b)), String(a.Subtract(b)), String(a.Negate())]).to.deep.equal(['01:30:00', '00:30:00', '-01:00:00']);
    });
  });

  describe('format strings', () => {
    const ts = TimeSpan.fromParts(3, 17, 25, 30, 500);
    const cases: [string, string][] = [['c', '3.17:25:30.5000000'], ['g', '3:17:25:30.5'], ['G', '3:17:25:30.5000000'],
      ["hh\\:mm\\:ss", '17:25:30'], ["d\\.hh\\:mm", '3.17:25'], ['%d', '3'], ["mm' min'", '25 min'], ['ss\\.fff', '30.500'], ['ss\\.FF', '30.5']];
    for (const [f, want] of cases) it(`'${f}' is '${want}'`, () => expect(formatTimeSpan(ts, f)).to.equal(want));
    it('refuses an unescaped letter', () => expect(() => formatTimeSpan(ts, 'hh:mm')).to.throw(ShellError).with.property('id', 'FormatException'));
  });
});
