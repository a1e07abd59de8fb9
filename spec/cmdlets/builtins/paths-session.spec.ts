import { expect } from 'chai';
import * as path from 'node:path';
import { Hashtable, PSObject, SecureString } from '../../../lib/core/values.js';
import joinPath from '../../../cmdlets/Join-Path.js';
import splitPath from '../../../cmdlets/Split-Path.js';
import readHost from '../../../cmdlets/Read-Host.js';
import convertToSecureString from '../../../cmdlets/ConvertTo-SecureString.js';
import convertFromSecureString from '../../../cmdlets/ConvertFrom-SecureString.js';
import importModule from '../../../cmdlets/Import-Module.js';
import getModule from '../../../cmdlets/Get-Module.js';
import newObject from '../../../cmdlets/New-Object.js';
import teeObject from '../../../cmdlets/Tee-Object.js';
import { run } from './fake-context.js';

describe('Join-Path', () => {
  const join = async (args: Record<string, unknown>) => (await run(joinPath, args)).output;
  it('puts exactly one separator between parts', async () => {
    expect(await join({ Path: ['a/', 'b'], ChildPath: '/c', AdditionalChildPath: ['d'] }))
      .to.deep.equal([['a', 'c', 'd'].join(path.sep), ['b', 'c', 'd'].join(path.sep)]);
  });
  it("joins Cert: paths with '\\'", async () => {
    expect(await join({ Path: ['Cert:\\LocalMachine'], ChildPath: 'My' })).to.deep.equal(['Cert:\\LocalMachine\\My']);
  });
  it('with -Resolve reports a path that does not exist', async () => {
    const { output, ctx } = await run(joinPath, { Path: ['/'], ChildPath: 'no-such-dir-here', Resolve: true });
    expect(output).to.deep.equal([]);
    expect(ctx.errors[0]).to.include({ id: 'PathNotFound' });
  });
});

describe('Split-Path', () => {
  const cases = [
    [{}, '/etc/ssl/cert.pem', '/etc/ssl'], [{ Leaf: true }, '/etc/ssl/cert.pem', 'cert.pem'],
    [{ LeafBase: true }, 'a/cert.tar.gz', 'cert.tar'], [{ Extension: true }, 'a/cert.pem', '.pem'],
    [{}, '/etc', '/'], [{}, 'file.txt', ''], [{}, 'Cert:\\LocalMachine\\My', 'Cert:\\LocalMachine'],
    [{ Leaf: true }, 'Cert:\\LocalMachine\\My\\', 'My'], [{ Qualifier: true }, 'Cert:\\LocalMachine', 'Cert:'],
    [{ NoQualifier: true }, 'C:\\Windows', '\\Windows'], [{ IsAbsolute: true }, '/tmp', true], [{ IsAbsolute: true }, 'tmp', false],
  ] as const;
  for (const [args, input, expected] of cases) it(`${JSON.stringify(args)} of '${input}' is ${JSON.stringify(expected)}`, async () => {
    expect((await run(splitPath, { Path: [input], ...args })).output).to.deep.equal([expected]);
  });
  it('refuses -Qualifier on a path without one', async () => {
    try { await run(splitPath, { Path: ['/tmp'], Qualifier: true }); expect.fail('no error'); }
    catch (e) { expect(e).to.include({ id: 'ParsePathFormatError', category: 'InvalidArgument' }); }
  });
});

describe('Read-Host', () => {
  it('prompts with a colon and returns the line, or a SecureString', async () => {
    const prompts: string[] = [];
    const readLine = async (p: string) => { prompts.push(p); return 'typed'; };
    expect((await run(readHost, { Prompt: ['Name'] }, { readLine })).output).to.deep.equal(['typed']);
    const secure = await run(readHost, { Prompt: ['Password'], AsSecureString: true }, { readLine });
    expect(secure.output[0]).to.be.instanceOf(SecureString);
    expect(prompts).to.deep.equal(['Name: ', 'Password: ']);
  });
  it('fails clearly without a terminal', async () => {
    try { await run(readHost, {}); expect.fail('no error'); }
    catch (e) { expect(e).to.include({ id: 'ReadHostNotInteractive', category: 'InvalidOperation' }); }
  });
});

describe('ConvertTo-SecureString and ConvertFrom-SecureString', () => {
  it('round-trip plain text', async () => {
    const { output } = await run(convertToSecureString, { String: 'P@ss', AsPlainText: true, Force: true }, { parameterSetName: 'PlainText' });
    expect(String(output[0])).to.equal('System.Security.SecureString');
    const back = await run(convertFromSecureString, { SecureString: output[0], AsPlainText: true }, { parameterSetName: 'AsPlainText' });
    expect(back.output).to.deep.equal(['P@ss']);
  });
  it('refuse encrypted standard strings as not supported', async () => {
    for (const [def, args] of [[convertToSecureString, { String: '01000000d08c9ddf' }], [convertFromSecureString, { SecureString: new SecureString('x') }]] as const) {
      try { await run(def, args, { parameterSetName: 'Secure' }); expect.fail('no error'); }
      catch (e) { expect(e).to.include({ id: 'EncryptedStandardStringNotSupported', category: 'NotImplemented' }); }
    }
  });
});

describe('Import-Module', () => {
  it('accepts the built-in modules silently, whatever their case', async () => {
    const { output, ctx } = await run(importModule, { Name: ['SkypeForBusiness', 'lync'] });
    expect([output, ctx.errors]).to.deep.equal([[], []]);
  });
  it("reports other modules with PowerShell's Modules_ModuleNotFound", async () => {
    const { ctx } = await run(importModule, { Name: ['ActiveDirectory'] });
    expect(ctx.errors[0]).to.include({ id: 'Modules_ModuleNotFound', target: 'ActiveDirectory' });
    expect(ctx.errors[0].message).to.equal("The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module directory.");
  });
  it('accepts a built-in module by the path of its module file', async () => {
    const file = 'C:\\Program Files\\Common Files\\Skype for Business Server 2015\\Modules\\SkypeForBusiness\\SkypeForBusiness.psd1';
    const { output, ctx } = await run(importModule, { Name: [file], PassThru: true });
    expect([(output[0] as PSObject).get('Name'), ctx.errors]).to.deep.equal(['SkypeForBusiness', []]);
  });
  it('returns module objects with -PassThru', async () => {
    const { output } = await run(importModule, { Name: ['lync'], PassThru: true });
    expect((output[0] as PSObject).get('Name')).to.equal('Lync');
  });
});

describe('Get-Module', () => {
  it('finds the built-in modules by name, with wildcards', async () => {
    const { output } = await run(getModule, { Name: ['skype*'], ListAvailable: true });
    expect(output.map(m => (m as PSObject).get('Name'))).to.deep.equal(['SkypeForBusiness']);
    expect((await run(getModule, { Name: ['ActiveDirectory'] })).output).to.deep.equal([]);
  });
});

describe('New-Object', () => {
  it('creates a PSObject from -Property in order', async () => {
    const props = Hashtable.from({ Pool: 'pool1', Size: 2 }, true);
    const { output } = await run(newObject, { TypeName: 'PSObject', Property: props });
    expect([...(output[0] as PSObject).entries()]).to.deep.equal([['Pool', 'pool1'], ['Size', 2]]);
  });
  it('refuses other types by name', async () => {
    try { await run(newObject, { TypeName: 'System.Net.WebClient' }); expect.fail('no error'); }
    catch (e) { expect(e).to.include({ id: 'TypeNotFound', target: 'System.Net.WebClient' }); }
  });
});

describe('Tee-Object', () => {
  it('passes objects on and stores them in a variable', async () => {
    const { output, ctx } = await run(teeObject, { Variable: 'copy' }, { input: [1, 2], parameterSetName: 'Variable' });
    expect(output).to.deep.equal([1, 2]);
    expect(ctx.session.getVariable('copy')).to.deep.equal([1, 2]);
  });
});
