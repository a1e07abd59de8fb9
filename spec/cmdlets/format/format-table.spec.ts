// Format-Table and Format-List: the records they write, and how those records print.
import { expect } from 'chai';
import { FormatRecord } from '../../../lib/core/format-records.js';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import { dayOfWeekType } from '../../../lib/engine/values/enums.js';
import { renderFormatted, renderObjects } from '../../../lib/format/index.js';
import formatTable from '../../../cmdlets/Format-Table.js';
import formatList from '../../../cmdlets/Format-List.js';
import { block, run } from './fake-context.js';

const plain = { width: 80, color: false };
const certs = [
  new PSObject({ Use: 'Default', Thumbprint: 'AB12', Days: 45 }),
  new PSObject({ Use: 'WebServicesInternal', Thumbprint: 'CD34', Days: 400 }),
];
const text = async (cmdlet: typeof formatTable | typeof formatList, args: Record<string, unknown>, input: unknown[]) => {
  const [record] = await run(cmdlet, args, input);
  expect(record).to.be.instanceOf(FormatRecord);
  return renderFormatted(record as FormatRecord, plain);
};

describe('Format-Table', () => {
  it('shows the named properties in the order given', async () => {
    expect(await text(formatTable, { Property: ['Thumbprint', 'Use'] }, certs)).to.equal([
      '', 'Thumbprint Use', '---------- ---', 'AB12       Default', 'CD34       WebServicesInternal', '', ''].join('\n'));
  });

  it('expands wildcards against the first object', async () => {
    expect(await text(formatTable, { Property: ['T*', 'D*'] }, certs)).to.match(/^\nThumbprint Days\n/);
  });

  it('shows a calculated column with its label, width and alignment', async () => {
    const days = Hashtable.from({ L: 'Left', E: block('"$($_.Days) d"', o => `${o.get("Days")} d`), Width: 8, Align: 'Right' });
    expect(await text(formatTable, { Property: ['Use', days] }, certs)).to.equal([
      '', 'Use                     Left', '---                     ----',
      'Default                 45 d', 'WebServicesInternal    400 d', '', ''].join('\n'));
  });

  it('applies a FormatString to a calculated column', async () => {
    const days = Hashtable.from({ Label: 'Days', Expression: 'Days', FormatString: 'N1' });
    expect(await text(formatTable, { Property: [days] }, certs)).to.equal('\n Days\n ----\n 45.0\n400.0\n\n');
  });

  it('hides the headers with -HideTableHeaders', async () => {
    expect(await text(formatTable, { Property: ['Use'], HideTableHeaders: true }, certs))
      .to.equal('\nDefault\nWebServicesInternal\n\n');
  });

  it('starts a table under a header for each -GroupBy value', async () => {
    expect(await text(formatTable, { Property: ['Thumbprint'], GroupBy: 'Use' }, certs)).to.equal([
      '', '   Use: Default', '', 'Thumbprint', '----------', 'AB12', '',
      '', '   Use: WebServicesInternal', '', 'Thumbprint', '----------', 'CD34', '', ''].join('\n'));
  });

  it('uses the default view of the type without -Property', async () => {
    const cert = new PSObject({ Thumbprint: 'A'.repeat(40), Subject: 'CN=web', Issuer: 'CN=ca',
      PSParentPath: 'Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My' },
    ['System.Security.Cryptography.X509Certificates.X509Certificate2']);
    expect(await text(formatTable, {}, [cert])).to.equal([
      '',
      '   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My',
      '',
      'Thumbprint                                Subject',
      '----------                                -------',
      `${'A'.repeat(40)}  CN=web`,
      '', ''].join('\n'));
  });

  it('writes nothing for no input', async () => {
    expect(await run(formatTable, {}, [])).to.deep.equal([]);
  });

  it('refuses an unknown hashtable key with DictionaryKeyIllegal', async () => {
    const bad = Hashtable.from({ Expression: 'Use', Colour: 'red' });
    try { await run(formatTable, { Property: [bad] }, certs); expect.fail('no error'); } catch (e) {
      expect(e).to.be.instanceOf(ShellError).with.property('id', 'DictionaryKeyIllegal');
    }
  });

  it('refuses an Alignment other than Left, Center, Right', async () => {
    const bad = Hashtable.from({ Expression: 'Use', Alignment: 'Middle' });
    try { await run(formatTable, { Property: [bad] }, certs); expect.fail('no error'); } catch (e) {
      expect(e).to.be.instanceOf(ShellError).with.property('id', 'AlignmentNotValid');
    }
  });
});

describe('Format-List', () => {
  const status = new PSObject({ RequestId: 7, RequestStatus: 'Issued', Thumbprint: 'AB12' }, ['Cs.CertificateRequestStatus']);
  status.defineGetter('ChainStatus', () => 'Trusted');

  it('with * shows every property, getters included', async () => {
    expect(await text(formatList, { Property: ['*'] }, [status])).to.equal([
      '', 'RequestId     : 7', 'RequestStatus : Issued', 'Thumbprint    : AB12', 'ChainStatus   : Trusted', '', ''].join('\n'));
  });

  it('without -Property lists every property of a type that has no list view', async () => {
    expect(await text(formatList, {}, [certs[0]])).to.equal('\nUse        : Default\nThumbprint : AB12\nDays       : 45\n\n');
  });

  it('shows calculated properties by their label', async () => {
    const url = Hashtable.from({ Name: 'Url', Expression: block('"https://$($_.Use)"', o => `https://${o.get("Use")}`) });
    expect(await text(formatList, { Property: ['Use', url] }, [certs[0]])).to.equal('\nUse : Default\nUrl : https://Default\n\n');
  });

  describe('a date', () => {
    // PowerShell 7.4's list of a DateTime (Get-Date adds DisplayHint first; a [datetime] has none).
    const date = new Date(2030, 4, 6, 7, 8, 9);
    const listed = ['', 'Date        : 5/6/2030 12:00:00 AM', 'Day         : 6', 'DayOfWeek   : Monday', 'DayOfYear   : 126',
      'Hour        : 7', 'Kind        : Local', 'Millisecond : 0', 'Microsecond : 0', 'Nanosecond  : 0', 'Minute      : 8',
      'Month       : 5', 'Second      : 9', 'Ticks       : 640398784890000000', 'TimeOfDay   : 07:08:09', 'Year        : 2030',
      'DateTime    : Monday, May 6, 2030 7:08:09 AM', '', ''].join('\n');
    it('without -Property lists its properties, not blank lines', async () => {
      expect(await text(formatList, {}, [date])).to.equal(listed);
    });
    it('with * lists the same properties in the same order', async () => {
      expect(await text(formatList, { Property: ['*'] }, [date])).to.equal(listed);
    });
  });

  it('prints through renderObjects like any output', async () => {
    const out = await run(formatList, { Property: ['Use'] }, certs);
    expect(renderObjects(out, plain)).to.equal('\nUse : Default\n\nUse : WebServicesInternal\n\n');
  });
});

describe('Format-Table and Format-List without -Property', () => {
  // PowerShell formats these out of band: a table or list of their (no) properties would be blank.
  const scalars = [['a string', 'hello', 'hello\n'], ['a number', 5, '5\n'], ['an enum', dayOfWeekType.from('Monday'), 'Monday\n']] as const;
  for (const cmdlet of [formatTable, formatList]) for (const [what, value, printed] of scalars) {
    it(`${cmdlet.name} prints ${what} as its text`, async () => {
      expect(await text(cmdlet, {}, [value])).to.equal(printed);
    });
  }

  it('Format-Table shows a hashtable as one Name/Value row per entry, as it prints alone', async () => {
    expect(await text(formatTable, {}, [Hashtable.from({ Type: 'Default' })])).to.equal([
      '', `${'Name'.padEnd(30)} Value`, `${'----'.padEnd(30)} -----`, `${'Type'.padEnd(30)} Default`, '', ''].join('\n'));
  });

  it('prints objects around the scalars through the view, in input order', async () => {
    expect(await text(formatList, {}, ['first', certs[0], 'last'])).to.equal(
      'first\n\nUse        : Default\nThumbprint : AB12\nDays       : 45\n\nlast\n');
  });
});
