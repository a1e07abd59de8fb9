// toCsv against ConvertTo-Csv in PowerShell 7.
import { expect } from 'chai';
import { Hashtable, PSObject } from '../../lib/core/values.js';
import { parseCsvHeader, toCsv } from '../../lib/format/index.js';

const rows = [
  new PSObject({ Name: 'web', Port: 443, Note: 'say "hi"' }),
  new PSObject({ Port: 5061, Name: 'sip', Extra: 'ignored' }),
];

describe('toCsv', () => {
  it('quotes every field by default and writes no #TYPE line', () => {
    expect(toCsv(rows)).to.deep.equal([
      '"Name","Port","Note"',
      '"web","443","say ""hi"""',
      '"sip","5061",""',
    ]);
  });

  it('quotes only where needed with AsNeeded, never with Never', () => {
    const o = new PSObject({ a: 'x;y', b: 'plain' });
    expect(toCsv([o], { delimiter: ';', useQuotes: 'AsNeeded' })).to.deep.equal(['a;b', '"x;y";plain']);
    expect(toCsv([o], { delimiter: ';', useQuotes: 'Never' })).to.deep.equal(['a;b', 'x;y;plain']);
  });

  it('writes the #TYPE line when type information is asked for', () => {
    expect(toCsv([rows[0]], { noTypeInformation: false })[0]).to.equal('#TYPE System.Management.Automation.PSCustomObject');
  });

  it('writes dates in the en-US culture and collections by type name', () => {
    const o = new PSObject({ When: new Date(2030, 0, 1, 13, 0, 0), Use: ['a', 'b'], Table: new Hashtable() });
    expect(toCsv([o])[1]).to.equal('"1/1/2030 1:00:00 PM","System.Object[]","System.Collections.Hashtable"');
  });

  it('uses hashtable keys as columns', () => {
    expect(toCsv([Hashtable.from({ k: 1, v: 'x' })])).to.deep.equal(['"k","v"', '"1","x"']);
  });

  it('follows given columns and leaves the header out when appending', () => {
    expect(toCsv(rows, { columns: ['Port'], header: false })).to.deep.equal(['"443"', '"5061"']);
  });

  it('writes nothing for no objects', () => {
    expect(toCsv([null])).to.deep.equal([]);
  });
});

describe('parseCsvHeader', () => {
  it('reads quoted and plain names', () => {
    expect(parseCsvHeader('"Name","Po""rt",Plain')).to.deep.equal(['Name', 'Po"rt', 'Plain']);
    expect(parseCsvHeader('a;b', ';')).to.deep.equal(['a', 'b']);
  });
});
