// Out-String, Out-File, Out-Null, ConvertTo-Json, ConvertFrom-Json, ConvertTo-Csv and Export-Csv.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import '../../../lib/format/index.js';
import outString from '../../../cmdlets/Out-String.js';
import outFile from '../../../cmdlets/Out-File.js';
import outNull from '../../../cmdlets/Out-Null.js';
import convertToJson from '../../../cmdlets/ConvertTo-Json.js';
import convertFromJson from '../../../cmdlets/ConvertFrom-Json.js';
import convertToCsv from '../../../cmdlets/ConvertTo-Csv.js';
import exportCsv from '../../../cmdlets/Export-Csv.js';
import formatTable from '../../../cmdlets/Format-Table.js';
import { fakeContext, run } from './fake-context.js';

const web = new PSObject({ Name: 'web', Port: 443 });
const sip = new PSObject({ Name: 'sip', Port: 5061 });

async function rejects(promise: Promise<unknown>, id: string) {
  try { await promise; } catch (e) {
    expect(e).to.be.instanceOf(ShellError).with.property('id', id);
    return;
  }
  expect.fail(`expected ${id}`);
}

describe('Out-String', () => {
  it('renders all input as one string, as the console shows it', async () => {
    expect(await run(outString, {}, [web, sip])).to.deep.equal(['\nName Port\n---- ----\nweb   443\nsip  5061\n\n']);
  });
  it('writes each line on its own with -Stream', async () => {
    expect(await run(outString, { Stream: true }, [web])).to.deep.equal(['', 'Name Port', '---- ----', 'web   443', '']);
  });
  it('renders what Format-Table wrote, within -Width', async () => {
    const records = await run(formatTable, { Property: ['Name'] }, [new PSObject({ Name: 'x'.repeat(30) })]);
    const [textOut] = await run(outString, { Width: 10 }, records) as string[];
    expect(textOut).to.equal('\nName\n----\nxxxxxxxxx…\n\n');
  });
  it('writes nothing for no input', async () => {
    expect(await run(outString, {}, [])).to.deep.equal([]);
  });
});

describe('Out-Null', () => {
  it('writes nothing', async () => {
    expect(await run(outNull, {}, [1, 'a', web])).to.deep.equal([]);
  });
});

describe('files', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cscert-format-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const ctx = () => fakeContext('test', dir);

  describe('Out-File', () => {
    it('writes the console text, UTF-8 without a BOM', async () => {
      await run(outFile, { FilePath: 'out.txt' }, [web], ctx());
      const bytes = readFileSync(join(dir, 'out.txt'));
      expect(bytes[0]).to.not.equal(0xef);
      expect(bytes.toString('utf8')).to.equal('\nName Port\n---- ----\nweb   443\n\n');
    });
    it('appends with -Append and leaves no temporary file behind', async () => {
      await run(outFile, { FilePath: 'log.txt' }, ['one'], ctx());
      await run(outFile, { FilePath: 'log.txt', Append: true }, ['two'], ctx());
      expect(readFileSync(join(dir, 'log.txt'), 'utf8')).to.equal('one\ntwo\n');
      expect(readdirSync(dir)).to.deep.equal(['log.txt']);
    });
    it('refuses to replace a file with -NoClobber', async () => {
      writeFileSync(join(dir, 'keep.txt'), 'old');
      await rejects(run(outFile, { FilePath: 'keep.txt', NoClobber: true }, ['new'], ctx()), 'NoClobber');
      expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).to.equal('old');
    });
    it('reports a missing directory as PathNotFound-like error, writing nothing', async () => {
      try { await run(outFile, { FilePath: 'no/such/dir/x.txt' }, ['x'], ctx()); expect.fail('no error'); } catch (e) {
        expect(e).to.be.instanceOf(ShellError);
      }
      expect(readdirSync(dir)).to.deep.equal([]);
    });
  });

  describe('Export-Csv', () => {
    it('writes a header and quoted values', async () => {
      await run(exportCsv, { Path: 'p.csv' }, [web, sip], ctx());
      expect(readFileSync(join(dir, 'p.csv'), 'utf8')).to.equal('"Name","Port"\n"web","443"\n"sip","5061"\n');
    });
    it('appends under the existing header, in its column order', async () => {
      writeFileSync(join(dir, 'p.csv'), '"Port","Name"\n"1","a"\n');
      await run(exportCsv, { Path: 'p.csv', Append: true }, [web], ctx());
      expect(readFileSync(join(dir, 'p.csv'), 'utf8')).to.equal('"Port","Name"\n"1","a"\n"443","web"\n');
    });
    it('refuses a delimiter longer than one character', async () => {
      await rejects(run(exportCsv, { Path: 'p.csv', Delimiter: ';;' }, [web], ctx()), 'DelimiterNotOneCharacter');
      expect(readdirSync(dir)).to.deep.equal([]);
    });
  });
});

describe('ConvertTo-Json', () => {
  it('converts one object to a JSON object', async () => {
    expect(await run(convertToJson, { Compress: true }, [web])).to.deep.equal(['{"Name":"web","Port":443}']);
  });
  it('converts several objects to one array, and one object with -AsArray', async () => {
    expect(await run(convertToJson, { Compress: true }, [1, 2])).to.deep.equal(['[1,2]']);
    expect(await run(convertToJson, { Compress: true, AsArray: true }, [1])).to.deep.equal(['[1]']);
  });
  it('warns when the depth cuts the object', async () => {
    const context = fakeContext('ConvertTo-Json');
    const deep = Hashtable.from({ a: Hashtable.from({ b: Hashtable.from({ c: Hashtable.from({}) }) }) });
    const out = await run(convertToJson, { Compress: true }, [deep], context);
    expect(out).to.deep.equal(['{"a":{"b":{"c":"System.Collections.Hashtable"}}}']);
    expect(context.warnings).to.deep.equal(['Resulting JSON is truncated as serialization has exceeded the set depth of 2.']);
  });
});

describe('ConvertFrom-Json', () => {
  it('joins piped lines into one document', async () => {
    const [o] = await run(convertFromJson, {}, ['{', '"Name": "web",', '"Port": 443', '}']) as PSObject[];
    expect(o.get('Port')).to.equal(443);
  });
  it('writes the elements of a top-level array, or the array with -NoEnumerate', async () => {
    expect(await run(convertFromJson, {}, ['[1, 2]'])).to.deep.equal([1, 2]);
    expect(await run(convertFromJson, { NoEnumerate: true }, ['[1, 2]'])).to.deep.equal([[1, 2]]);
  });
  it('makes hashtables with -AsHashtable', async () => {
    const [h] = await run(convertFromJson, { AsHashtable: true }, ['{"a": 1}']);
    expect(h).to.be.instanceOf(Hashtable);
  });
  it('reports bad JSON as JsonParseError', async () => {
    await rejects(run(convertFromJson, {}, ['{"a": }']), 'JsonParseError');
  });
});

describe('ConvertTo-Csv', () => {
  it('writes one string per line', async () => {
    expect(await run(convertToCsv, {}, [web])).to.deep.equal(['"Name","Port"', '"web","443"']);
  });
  it('takes -Delimiter, -UseQuotes and -IncludeTypeInformation', async () => {
    expect(await run(convertToCsv, { Delimiter: ';', UseQuotes: 'Never', IncludeTypeInformation: true }, [web]))
      .to.deep.equal(['#TYPE System.Management.Automation.PSCustomObject', 'Name;Port', 'web;443']);
  });
});
