// renderObjects against how PowerShell 7 prints the same objects at the console.
import { expect } from 'chai';
import { Hashtable, PSObject } from '../../lib/core/values.js';
import { FormatRecord } from '../../lib/core/format-records.js';
import { renderObjects, sameRun } from '../../lib/format/index.js';
import { invokeMethod } from '../../lib/engine/values/members.js';

const plain = { width: 120, color: false };
const render = (...objects: unknown[]) => renderObjects(objects, plain);
const custom = (props: Record<string, unknown>) => new PSObject(props);

describe('renderObjects', () => {
  describe('scalars', () => {
    it('prints strings, numbers and booleans one per line', () => {
      expect(render('a', 42, 1.5, true, false)).to.equal('a\n42\n1.5\nTrue\nFalse\n');
    });
    it('prints an empty line after a string that ends in a newline', () => {
      expect(render('a\n', 'b')).to.equal('a\n\nb\n');
    });
    it('prints nothing for $null and for no objects', () => {
      expect(render(null)).to.equal('');
      expect(render()).to.equal('');
    });
    it('prints a run of dates in their long form between blank lines', () => {
      expect(render(new Date(2030, 0, 1), new Date(2030, 0, 2, 15, 4, 5)))
        .to.equal('\nTuesday, January 1, 2030 12:00:00 AM\nWednesday, January 2, 2030 3:04:05 PM\n\n');
    });
    it('enumerates arrays as the pipeline does', () => {
      expect(render([1, [2, 3]])).to.equal('1\n2\n3\n');
    });
  });

  describe('objects with up to four properties', () => {
    it('prints a table sized to its content, with dashes under each header', () => {
      expect(render(custom({ Name: 'web', Port: 443 }), custom({ Name: 'sip-internal', Port: 5061 }))).to.equal([
        '',
        'Name         Port',
        '----         ----',
        'web           443',
        'sip-internal 5061',
        '', ''].join('\n'));
    });
    it('right-aligns a numeric column and its header when the header is wider', () => {
      expect(render(custom({ Count: 3, Name: 'x' }))).to.equal('\nCount Name\n----- ----\n    3 x\n\n');
    });
    it('takes the columns of the run from its first object', () => {
      expect(render(custom({ a: 1 }), custom({ a: 2, b: 3 }))).to.equal('\na\n-\n1\n2\n\n');
    });
    it('shows arrays as {a, b}, at most four items, nulls as empty', () => {
      expect(render(custom({ Use: ['Default', 'WebServicesInternal'], Ids: [1, 2, 3, 4, 5], Note: null })))
        .to.equal([
          '',
          'Use                            Ids           Note',
          '---                            ---           ----',
          '{Default, WebServicesInternal} {1, 2, 3, 4…}',
          '', ''].join('\n'));
    });
    it('shows dates in cells by their short en-US form', () => {
      expect(render(custom({ NotAfter: new Date(2030, 5, 1, 13, 5, 0) })))
        .to.equal('\nNotAfter\n--------\n6/1/2030 1:05:00 PM\n\n');
    });
    it('cuts the widest column with … when the table is wider than the console', () => {
      const text = renderObjects([custom({ Id: 1, Subject: 'CN=' + 'x'.repeat(40) })], { width: 20, color: false });
      expect(text).to.equal('\nId Subject\n-- -------\n 1 CN=xxxxxxxxxxxxx…\n\n');
      for (const line of text.split('\n')) expect(line.length).to.be.at.most(20);
    });
    it('colours the header and dashes when asked', () => {
      expect(renderObjects([custom({ a: 1 })], { width: 80, color: true }))
        .to.equal('\n\x1b[32;1ma\x1b[0m\n\x1b[32;1m-\x1b[0m\n1\n\n');
    });
  });

  describe('objects with five or more properties', () => {
    it('prints a list with names padded, a blank line around each object', () => {
      const o = custom({ RequestId: 7, RequestStatus: 'Issued', Thumbprint: 'AB12', Use: ['Default'], CA: 'myca' });
      expect(render(o, o)).to.equal([
        '',
        'RequestId     : 7',
        'RequestStatus : Issued',
        'Thumbprint    : AB12',
        'Use           : {Default}',
        'CA            : myca',
        '',
        'RequestId     : 7',
        'RequestStatus : Issued',
        'Thumbprint    : AB12',
        'Use           : {Default}',
        'CA            : myca',
        '', ''].join('\n'));
    });
    it('wraps a long value under the start of its value', () => {
      const o = custom({ a: 1, b: 2, c: 3, d: 4, Message: 'one two three four five six' });
      expect(renderObjects([o], { width: 24, color: false })).to.contain('Message : one two three\n          four five six\n');
    });
  });

  describe('hashtables', () => {
    it('print one Name/Value row per entry, Name 30 wide', () => {
      const h = Hashtable.from({ Type: 'Default', KeySize: 2048 });
      expect(render(h)).to.equal([
        '',
        'Name                           Value',
        '----                           -----',
        'Type                           Default',
        'KeySize                        2048',
        '', ''].join('\n'));
    });
    it('print the entries GetEnumerator() yields as the same Name/Value table', () => {
      const entries = invokeMethod(Hashtable.from({ Type: 'Default' }), 'GetEnumerator', []) as unknown[];
      expect(render(...entries)).to.equal('\nName                           Value\n----                           -----\nType                           Default\n\n');
    });
  });

  describe('runs of types', () => {
    it('ends a table before a string and starts a new one for another type', () => {
      const a = custom({ a: 1 });
      const b = new PSObject({ b: 2 }, ['Other']);
      expect(render(a, 'text', a, b)).to.equal('\na\n-\n1\n\ntext\n\na\n-\n1\n\n\nb\n-\n2\n\n');
    });
  });

  describe('format records', () => {
    it('prints what Format-Table wrote', () => {
      const record = new FormatRecord('table', [{ values: ['x', 1] }], [{ label: 'Name' }, { label: 'N' }]);
      expect(render(record)).to.equal('\nName N\n---- -\nx    1\n\n');
    });
  });
});

describe('sameRun', () => {
  it('holds objects of one view together, files with directories', () => {
    const file = new PSObject({ Name: 'a' }, ['System.IO.FileInfo']);
    const dir = new PSObject({ Name: 'b' }, ['System.IO.DirectoryInfo']);
    expect(sameRun(file, dir)).to.equal(true);
    expect(sameRun(custom({ a: 1 }), custom({ b: 1 }))).to.equal(true);
    expect(sameRun(custom({ a: 1 }), file)).to.equal(false);
    expect(sameRun('x', 'y')).to.equal(false);
  });
});

describe('renderObjects at scale', () => {
  it('lays out 150,000 rows without overflowing the stack', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => custom({ N: i }));
    const text = renderObjects(many, plain);
    expect(text.split('\n')).to.have.length(150_000 + 5);
  });
});
