// The built-in default views, printed as PowerShell 7 prints the same types.
import { expect } from 'chai';
import { Hashtable, PSObject } from '../../lib/core/values.js';
import { registerView, renderObjects } from '../../lib/format/index.js';
import { TimeSpan } from '../../lib/engine/values/timespan.js';

const render = (...objects: unknown[]) => renderObjects(objects, { width: 120, color: false });

describe('default views', () => {
  it('CmdletInfo: CommandType, Name, Version, Source in PowerShell\'s widths', () => {
    const cmd = new PSObject({ CommandType: 'Cmdlet', Name: 'Get-CsCertificate', Version: '1.0', Source: 'SkypeForBusiness' },
      ['System.Management.Automation.CmdletInfo']);
    expect(render(cmd)).to.equal([
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Cmdlet          Get-CsCertificate                                  1.0        SkypeForBusiness',
      '', ''].join('\n'));
  });

  it('files and directories share one table under their Directory header', () => {
    const when = new Date(2030, 0, 15, 15, 4);
    const parent = 'Microsoft.PowerShell.Core\\FileSystem::/srv/certs';
    const dir = new PSObject({ Mode: 'd----', LastWriteTime: when, Name: 'old', PSParentPath: parent }, ['System.IO.DirectoryInfo']);
    const file = new PSObject({ Mode: '-a---', LastWriteTime: when, Length: 1234, Name: 'web.pfx', PSParentPath: parent },
      ['System.IO.FileInfo']);
    expect(render(dir, file)).to.equal([
      '',
      '    Directory: /srv/certs',
      '',
      'Mode                 LastWriteTime         Length Name',
      '----                 -------------         ------ ----',
      'd----           1/15/2030  3:04 PM                old',
      '-a---           1/15/2030  3:04 PM           1234 web.pfx',
      '', ''].join('\n'));
  });

  it('X509Certificate2: Thumbprint and Subject, grouped by PSParentPath', () => {
    const cert = (t: string, store: string) => new PSObject({ Thumbprint: t, Subject: 'CN=pool1.litwareinc.com',
      PSParentPath: `Microsoft.PowerShell.Security\\Certificate::LocalMachine\\${store}` },
    ['System.Security.Cryptography.X509Certificates.X509Certificate2']);
    const text = render(cert('A'.repeat(40), 'My'), cert('B'.repeat(40), 'My'), cert('C'.repeat(40), 'Root'));
    expect(text).to.equal([
      '',
      '   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My',
      '',
      'Thumbprint                                Subject',
      '----------                                -------',
      `${'A'.repeat(40)}  CN=pool1.litwareinc.com`,
      `${'B'.repeat(40)}  CN=pool1.litwareinc.com`,
      '',
      '',
      '   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\Root',
      '',
      'Thumbprint                                Subject',
      '----------                                -------',
      `${'C'.repeat(40)}  CN=pool1.litwareinc.com`,
      '', ''].join('\n'));
  });

  it('GenericMeasureInfo: a list of its six properties, nulls empty', () => {
    const m = new PSObject({ Count: 3, Average: null, Sum: 6, Maximum: null, Minimum: null, StandardDeviation: null, Property: null },
      ['Microsoft.PowerShell.Commands.GenericMeasureInfo']);
    expect(render(m)).to.equal('\nCount    : 3\nAverage  : \nSum      : 6\nMaximum  : \nMinimum  : \nProperty : \n\n');
  });

  it('GroupInfo: Count right-aligned, Name 25 wide, Group as {…}', () => {
    const g = new PSObject({ Count: 2, Name: 'Default', Group: ['a', 'b'] }, ['Microsoft.PowerShell.Commands.GroupInfo']);
    expect(render(g)).to.equal('\nCount Name                      Group\n----- ----                      -----\n    2 Default                   {a, b}\n\n');
  });

  it('MemberDefinition: grouped by TypeName', () => {
    const m = (name: string, type: string) => new PSObject({ TypeName: 'System.String', Name: name, MemberType: type,
      Definition: `int ${name} {get;}` }, ['Microsoft.PowerShell.Commands.MemberDefinition']);
    expect(render(m('Length', 'Property'))).to.equal([
      '', '   TypeName: System.String', '',
      'Name   MemberType Definition', '----   ---------- ----------', 'Length Property   int Length {get;}', '', ''].join('\n'));
  });

  it('Hashtable: numeric values stay left-aligned, as the view says', () => {
    expect(render(Hashtable.from({ KeySize: 2048 }))).to.contain('\nKeySize                        2048\n');
  });

  it('TimeSpan: components, then totals', () => {
    const lines = render(TimeSpan.fromParts(0, 2, 0, 0)).split('\n');
    expect(lines.slice(1, 3)).to.deep.equal(['Days              : 0', 'Hours             : 2']);
    expect(lines).to.include('TotalMinutes      : 120');
  });

  it('a registered view replaces the default rule for its type', () => {
    registerView('Test.Widget', { kind: 'table', properties: ['B', { label: 'Twice', expression: o => Number((o as PSObject).get('A')) * 2 }] });
    const w = new PSObject({ A: 2, B: 'x', C: 1, D: 1, E: 1 }, ['Test.Widget']);
    expect(render(w)).to.equal('\nB Twice\n- -----\nx 4\n\n');
  });
});
