import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { binaryOperator } from '../../../lib/engine/values/operators.js';
import { toInt, toStr } from '../../../lib/engine/values/convert.js';
import { resolveType } from '../../../lib/engine/values/types.js';

const member = (type: string, name: string) => resolveType(type).staticMember(name)!.get!();

describe('enums', () => {
  const thursday = member('DayOfWeek', 'Thursday');
  describe('comparison (about_Comparison_Operators: the left operand decides)', () => {
    const cases: [string, unknown, unknown, boolean][] = [
      ['a number with an enum', 4, thursday, true],
      ['an enum with its number', thursday, 4, true],
      ['an enum with its name in any case', thursday, 'thursday', true],
      ['an enum with another name', thursday, 'Friday', false],
      ['a name with an enum', 'Thursday', thursday, true],
      ['an enum with an enum', thursday, member('System.DayOfWeek', 'Thursday'), true],
    ];
    for (const [title, left, right, want] of cases)
      it(`-eq compares ${title}`, () => expect(binaryOperator('-eq', left, right)).to.equal(want));
    it('orders by number', () => expect(binaryOperator('-lt', thursday, member('DayOfWeek', 'Friday'))).to.equal(true));
  });

  describe('arithmetic', () => {
    const blue = member('ConsoleColor', 'Blue'), red = member('ConsoleColor', 'Red');
    it('enum + number is the enum member with that number', () => expect(toStr(binaryOperator('+', blue, 3))).to.equal('Red'));
    it('enum - number too', () => expect(toStr(binaryOperator('-', red, 3))).to.equal('Blue'));
    it('enum - enum is a number', () => expect(binaryOperator('-', blue, red)).to.equal(-3));
    it('a value no member has prints as its number', () => expect(toStr(binaryOperator('+', member('ConsoleColor', 'White'), 1))).to.equal('16'));
  });

  describe('conversion', () => {
    it('[int] of an enum is its number', () => expect(toInt(thursday)).to.equal(4));
    it('[T] of a name or a defined number is the member', () => {
      expect(toStr(resolveType('DayOfWeek').convert('friday'))).to.equal('Friday');
      expect(toStr(resolveType('DayOfWeek').convert(0))).to.equal('Sunday');
    });
    it('[T] of an unknown name is InvalidCastException', () => {
      expect(() => resolveType('ConsoleColor').convert('Mauve')).to.throw(ShellError).with.property('id', 'InvalidCastException');
    });
    it('-is [T] knows its type', () => expect(resolveType('System.ConsoleColor').isInstance(member('ConsoleColor', 'Red'))).to.equal(true));
  });
});
