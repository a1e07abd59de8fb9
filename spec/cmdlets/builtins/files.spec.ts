import { expect } from 'chai';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PSObject } from '../../../lib/core/values.js';
import getContent from '../../../cmdlets/Get-Content.js';
import setContent from '../../../cmdlets/Set-Content.js';
import addContent from '../../../cmdlets/Add-Content.js';
import testPath from '../../../cmdlets/Test-Path.js';
import getChildItem from '../../../cmdlets/Get-ChildItem.js';
import getItem from '../../../cmdlets/Get-Item.js';
import newItem from '../../../cmdlets/New-Item.js';
import removeItem from '../../../cmdlets/Remove-Item.js';
import getLocation from '../../../cmdlets/Get-Location.js';
import { fakeCertDrive as certDrive, run, THUMB, type RunOptions } from './fake-context.js';

describe('file cmdlets', () => {
  let dir: string;
  let opts: RunOptions;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cscert-builtins-'));
    opts = { cwd: dir, drives: { Cert: certDrive() } };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  describe('Set-Content, Add-Content and Get-Content', () => {
    it('write lines, append lines and read them back', async () => {
      await run(setContent, { Path: ['log.txt'], Value: ['one', 2] }, { ...opts, parameterSetName: 'Path' });
      await run(addContent, { Path: ['log.txt'] }, { ...opts, parameterSetName: 'Path', pipe: 'Value', input: [['three']] });
      expect(await readFile(path.join(dir, 'log.txt'), 'utf8')).to.equal('one\n2\nthree\n');
      const { output } = await run(getContent, { Path: ['log.txt'] }, { ...opts, parameterSetName: 'Path' });
      expect(output).to.deep.equal(['one', '2', 'three']);
    });

    it('gather piped values and write the file once, leaving no temporary file', async () => {
      await run(setContent, { Path: ['n.txt'] }, { ...opts, parameterSetName: 'Path', pipe: 'Value', input: [[1], [2], [3]] });
      expect(await readFile(path.join(dir, 'n.txt'), 'utf8')).to.equal('1\n2\n3\n');
      expect(await readdir(dir)).to.deep.equal(['n.txt']);
    });

    it('write without newlines with -NoNewline, and honour -WhatIf', async () => {
      await run(setContent, { Path: ['a.txt'], Value: ['x', 'y'], NoNewline: true }, { ...opts, parameterSetName: 'Path' });
      expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).to.equal('xy');
      const { ctx } = await run(setContent, { Path: ['a.txt'], Value: ['z'] }, { ...opts, parameterSetName: 'Path', shouldProcess: false });
      expect(ctx.processed).to.deep.equal([{ target: `Path: ${path.join(dir, 'a.txt')}`, action: 'Set Content' }]);
      expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).to.equal('xy');
    });

    it('refuse a read-only file unless -Force', async () => {
      const file = path.join(dir, 'ro.txt');
      await writeFile(file, 'old');
      await chmod(file, 0o444);
      const { ctx } = await run(setContent, { Path: ['ro.txt'], Value: ['new'] }, { ...opts, parameterSetName: 'Path' });
      expect(ctx.errors[0]).to.include({ id: 'UnauthorizedAccess', category: 'PermissionDenied' });
      await run(setContent, { Path: ['ro.txt'], Value: ['new'], Force: true }, { ...opts, parameterSetName: 'Path' });
      expect(await readFile(file, 'utf8')).to.equal('new\n');
    });

    it('write and read other encodings, honouring a byte-order mark', async () => {
      await run(setContent, { Path: ['u.txt'], Value: ['héllo'], Encoding: 'Unicode' }, { ...opts, parameterSetName: 'Path' });
      const bytes = await readFile(path.join(dir, 'u.txt'));
      expect([...bytes.subarray(0, 4)]).to.deep.equal([0xff, 0xfe, 0x68, 0]);
      expect((await run(getContent, { Path: ['u.txt'] }, { ...opts, parameterSetName: 'Path' })).output).to.deep.equal(['héllo']);
    });

    it('read the first or last lines, or the raw text', async () => {
      await writeFile(path.join(dir, 'l.txt'), 'a\r\nb\nc\n');
      const read = async (args: Record<string, unknown>) => (await run(getContent, { Path: ['l.txt'], ...args }, { ...opts, parameterSetName: 'Path' })).output;
      expect(await read({ TotalCount: 2 })).to.deep.equal(['a', 'b']);
      expect(await read({ Tail: 1 })).to.deep.equal(['c']);
      expect(await read({ Raw: true })).to.deep.equal(['a\r\nb\nc\n']);
      expect(await read({ ReadCount: 2 })).to.deep.equal([['a', 'b'], ['c']]);
    });

    it("report a missing file with PowerShell's PathNotFound", async () => {
      const { output, ctx } = await run(getContent, { Path: ['nope.txt'] }, { ...opts, parameterSetName: 'Path' });
      expect(output).to.deep.equal([]);
      const e = ctx.errors[0];
      expect(e).to.include({ id: 'PathNotFound', category: 'ObjectNotFound', target: path.join(dir, 'nope.txt') });
      expect(e.message).to.equal(`Cannot find path '${path.join(dir, 'nope.txt')}' because it does not exist.`);
      expect(e.hint).to.be.a('string');
    });

    it('expand wildcards, and a wildcard matching nothing is not an error', async () => {
      await writeFile(path.join(dir, 'a.pem'), 'A\n');
      await writeFile(path.join(dir, 'b.pem'), 'B\n');
      const { output, ctx } = await run(getContent, { Path: ['*.pem', '*.none'] }, { ...opts, parameterSetName: 'Path' });
      expect(output).to.deep.equal(['A', 'B']);
      expect(ctx.errors).to.deep.equal([]);
    });
  });

  describe('Test-Path', () => {
    it('tells files, directories and missing paths apart', async () => {
      await mkdir(path.join(dir, 'sub'));
      await writeFile(path.join(dir, 'f.txt'), '');
      const test = async (args: Record<string, unknown>) => (await run(testPath, args, { ...opts, parameterSetName: 'Path' })).output;
      expect(await test({ Path: ['sub', 'f.txt', 'nope', ''] })).to.deep.equal([true, true, false, false]);
      expect(await test({ Path: ['sub', 'f.txt'], PathType: 'Leaf' })).to.deep.equal([false, true]);
      expect(await test({ Path: ['sub', 'f.txt'], PathType: 'Container' })).to.deep.equal([true, false]);
      expect(await test({ Path: ['*.txt', '*.pfx'] })).to.deep.equal([true, false]);
      expect(await test({ Path: ['nope/x'], IsValid: true })).to.deep.equal([true]);
    });

    it('finds certificates and stores on the Cert: drive', async () => {
      const test = async (args: Record<string, unknown>) => (await run(testPath, args, { ...opts, parameterSetName: 'Path' })).output;
      expect(await test({ Path: [`Cert:\\LocalMachine\\My\\${THUMB.toLowerCase()}`, 'Cert:\\LocalMachine\\My\\0000', 'cert:\\localmachine\\my', 'Cert:\\'] }))
        .to.deep.equal([true, false, true, true]);
      expect(await test({ Path: [`Cert:\\LocalMachine\\My\\${THUMB}`], PathType: 'Container' })).to.deep.equal([false]);
    });
  });

  describe('Get-ChildItem', () => {
    beforeEach(async () => {
      await mkdir(path.join(dir, 'b-dir'));
      await writeFile(path.join(dir, 'b-dir', 'inner.pem'), 'x');
      await writeFile(path.join(dir, 'a.pem'), 'xyz');
      await writeFile(path.join(dir, 'c.txt'), '');
      await writeFile(path.join(dir, '.hidden'), '');
    });
    const list = async (args: Record<string, unknown>) => (await run(getChildItem, args, { ...opts, parameterSetName: 'Items' })).output;

    it('lists directories first, then files, as FileInfo and DirectoryInfo objects', async () => {
      const out = await list({}) as PSObject[];
      expect(out.map(o => o.get('Name'))).to.deep.equal(['b-dir', 'a.pem', 'c.txt']);
      expect(out[0].typeName).to.equal('System.IO.DirectoryInfo');
      expect(out[1].typeName).to.equal('System.IO.FileInfo');
      expect(out[1].get('Length')).to.equal(3);
      expect([out[1].get('Extension'), out[1].get('BaseName'), out[1].get('FullName'), out[1].get('DirectoryName')])
        .to.deep.equal(['.pem', 'a', path.join(dir, 'a.pem'), dir]);
      expect([out[0].get('Mode'), out[1].get('Mode'), out[0].get('PSIsContainer')]).to.deep.equal(['d----', '-a---', true]);
      expect(out[1].get('LastWriteTime')).to.be.instanceOf(Date);
    });

    it('recurses, filters, and returns names', async () => {
      expect(await list({ Filter: '*.pem', Recurse: true, Name: true })).to.deep.equal(['a.pem', path.join('b-dir', 'inner.pem')]);
      expect(await list({ File: true, Name: true, Exclude: ['*.txt'] })).to.deep.equal(['a.pem']);
      expect(await list({ Directory: true, Name: true })).to.deep.equal(['b-dir']);
      expect(await list({ Force: true, Name: true })).to.include('.hidden');
    });

    it('lists the Cert: drive', async () => {
      const out = await list({ Path: ['Cert:\\LocalMachine\\My'] }) as PSObject[];
      expect(out.map(o => o.get('Thumbprint'))).to.deep.equal([THUMB]);
      expect(await list({ Path: ['Cert:\\'], Name: true })).to.deep.equal(['LocalMachine']);
    });

    it('reports a missing path, on disk or on the Cert: drive', async () => {
      const { ctx } = await run(getChildItem, { Path: ['nope', 'Cert:\\LocalMachine\\Nope'] }, { ...opts, parameterSetName: 'Items' });
      expect(ctx.errors.map(e => [e.id, e.target])).to.deep.equal([['PathNotFound', path.join(dir, 'nope')], ['PathNotFound', 'Cert:\\LocalMachine\\Nope']]);
    });
  });

  describe('New-Item, Get-Item and Remove-Item', () => {
    it('create a file with content and a directory with its parents', async () => {
      const { output } = await run(newItem, { Path: ['.'], Name: 'x.txt', Value: 'hello' }, { ...opts, parameterSetName: 'nameSet' });
      expect((output[0] as PSObject).get('Name')).to.equal('x.txt');
      expect(await readFile(path.join(dir, 'x.txt'), 'utf8')).to.equal('hello');
      const made = await run(newItem, { Path: ['p/q'], ItemType: 'Directory' }, opts);
      expect((made.output[0] as PSObject).typeName).to.equal('System.IO.DirectoryInfo');
    });

    it('refuse to replace an existing item unless -Force', async () => {
      await writeFile(path.join(dir, 'x.txt'), 'old');
      const { ctx } = await run(newItem, { Path: ['x.txt'] }, opts);
      expect(ctx.errors[0]).to.include({ id: 'NewItemIOError' });
      await run(newItem, { Path: ['x.txt'], Force: true, Value: 'new' }, opts);
      expect(await readFile(path.join(dir, 'x.txt'), 'utf8')).to.equal('new');
    });

    it('get an item and remove it, asking ShouldProcess', async () => {
      await writeFile(path.join(dir, 'x.txt'), '');
      const got = await run(getItem, { Path: ['x.txt'] }, { ...opts, parameterSetName: 'Path' });
      expect((got.output[0] as PSObject).get('FullName')).to.equal(path.join(dir, 'x.txt'));
      const whatIf = await run(removeItem, { Path: ['x.txt'] }, { ...opts, parameterSetName: 'Path', shouldProcess: false });
      expect(whatIf.ctx.processed[0].action).to.equal('Remove File');
      expect(await readdir(dir)).to.deep.equal(['x.txt']);
      await run(removeItem, { Path: ['x.txt'] }, { ...opts, parameterSetName: 'Path' });
      expect(await readdir(dir)).to.deep.equal([]);
    });

    it('remove a non-empty directory only with -Recurse or after confirmation', async () => {
      await mkdir(path.join(dir, 'd'));
      await writeFile(path.join(dir, 'd', 'f'), '');
      await run(removeItem, { Path: ['d'] }, { ...opts, parameterSetName: 'Path', shouldContinue: false });
      expect(await readdir(dir)).to.deep.equal(['d']);
      await run(removeItem, { Path: ['d'], Recurse: true }, { ...opts, parameterSetName: 'Path' });
      expect(await readdir(dir)).to.deep.equal([]);
    });

    it('remove a certificate through the Cert: drive, and report missing items', async () => {
      const removed: string[][] = [];
      const { ctx } = await run(removeItem, { Path: [`Cert:\\LocalMachine\\My\\${THUMB}`, 'nope.txt'] },
        { ...opts, drives: { Cert: certDrive(removed) }, parameterSetName: 'Path' });
      expect(removed).to.deep.equal([['LocalMachine', 'My', THUMB]]);
      expect(ctx.errors.map(e => e.id)).to.deep.equal(['PathNotFound']);
    });
  });

  describe('Get-Location', () => {
    it('returns the session directory as a PathInfo', async () => {
      const { output } = await run(getLocation, {}, opts);
      expect((output[0] as PSObject).get('Path')).to.equal(dir);
      expect((output[0] as PSObject).typeName).to.equal('System.Management.Automation.PathInfo');
    });
  });
});
