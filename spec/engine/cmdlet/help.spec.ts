import { expect } from 'chai';
import { renderHelp } from '../../../lib/engine/cmdlet/help.js';
import { defineCmdlet, defineEnum, param, type CmdletDefinition } from '../../../lib/engine/cmdlet/index.js';
import { syntaxLines, typeDisplayName } from '../../../lib/engine/cmdlet/syntax.js';

const CertType = defineEnum('CertType', ['Default', 'WebServicesInternal']);
// param.enum does not record the enum's name; a declaration that wants it in help gives typeName.
const certTypes = { ...param.enumArray(CertType, { help: 'Usages.', sets: { New: { mandatory: true } } }),
  typeName: 'CertType[]' };

const request = defineCmdlet({
  name: 'Request-Cert',
  synopsis: 'Requests a certificate.',
  description: 'Builds the subject from the topology.\n\nSubmits the request to the CA.',
  defaultParameterSet: 'New',
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    New: param.switch({ help: 'A new request.', sets: { New: { mandatory: true } } }),
    List: param.switch({ help: 'Pending requests.', sets: { List: { mandatory: true } } }),
    Type: certTypes,
    RequestId: param.int({ help: 'The request.', sets: { List: { position: 0 } } }),
    CA: param.string({ help: 'The CA.', aliases: ['Authority'], defaultText: 'the default authority' }),
  },
  outputType: 'Cs.CertificateRequestStatus',
  examples: [{ title: 'Request a default certificate', code: 'Request-Cert -New -Type Default', remarks: 'Issues it.' }],
  notes: 'Keys never leave the store.',
  related: ['Set-Cert'],
});

const getItem = defineCmdlet({
  name: 'Get-Item', synopsis: 'Gets items.', examples: [],
  parameters: {
    Path: param.strings({ help: 'Paths.', position: 0, mandatory: true, pipeline: 'both' }),
    Filter: param.string({ help: 'A filter.', position: 1 }),
    Force: param.switch({ help: 'Hidden items too.' }),
  },
});

describe('syntax lines', () => {
  it('writes one line per parameter set in PowerShell notation', () => {
    expect(syntaxLines(request)).to.deep.equal([
      'Request-Cert -New -Type <CertType[]> [-CA <String>] [-Report <String>] [-WhatIf] [-Confirm] [<CommonParameters>]',
      'Request-Cert [[-RequestId] <Int32>] -List [-CA <String>] [-Report <String>] [-WhatIf] [-Confirm] [<CommonParameters>]',
    ]);
  });
  it('writes mandatory and optional positional parameters, switches and arrays', () => {
    expect(syntaxLines(getItem)).to.deep.equal(
      ['Get-Item [-Path] <String[]> [[-Filter] <String>] [-Force] [<CommonParameters>]']);
  });
  const types: [Parameters<typeof typeDisplayName>[0], string][] = [
    [param.datetime({ help: '' }), 'DateTime'],
    [param.secureString({ help: '' }), 'SecureString'],
    [param.scriptBlocks({ help: '' }), 'ScriptBlock[]'],
    [{ ...param.object({ help: '' }), typeName: 'System.IO.FileInfo[]' }, 'FileInfo[]'],
  ];
  for (const [def, name] of types) it(`names a ${def.kind}${def.array ? '[]' : ''} parameter's type ${name}`, () => {
    expect(typeDisplayName(def)).to.equal(name);
  });
});

describe('help text', () => {
  const sectionsOf = (text: string) => text.split('\n').filter(l => /^[A-Z][A-Z ]+$/.test(l));

  it('shows NAME, SYNOPSIS, SYNTAX, DESCRIPTION, RELATED LINKS and REMARKS by default', () => {
    const text = renderHelp(request);
    expect(sectionsOf(text)).to.deep.equal(['NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'RELATED LINKS', 'REMARKS']);
    expect(text).to.include('    Request-Cert -New -Type <CertType[]>');
    expect(text).to.include('For technical information, type: "Get-Help Request-Cert -Full".');
  });
  it('adds parameters, inputs, outputs, notes and examples with -Full', () => {
    const text = renderHelp(request, { view: 'full' });
    expect(sectionsOf(text)).to.deep.equal(
      ['NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS']);
    expect(text).to.include('    --------- Example 1: Request a default certificate ---------\n\n    Request-Cert -New -Type Default');
    expect(text).to.include('OUTPUTS\n    Cs.CertificateRequestStatus');
    expect(text).to.include('INPUTS\n    None');
    expect(text).to.include('<CommonParameters>');
  });
  it("lays out each parameter's attributes as PowerShell's -Full does", () => {
    expect(renderHelp(request, { view: 'full' })).to.include([
      '    -CA <String>',
      '        The CA.',
      '',
      '        Required?                    false',
      '        Position?                    named',
      '        Default value                the default authority',
      '        Accept pipeline input?       False',
      '        Aliases                      Authority',
      '        Accept wildcard characters?  false',
    ].join('\n'));
  });
  it('says per set when a parameter is mandatory in only some', () => {
    const tableOf = (c: CmdletDefinition) => renderHelp(c, { parameters: ['Path'] });
    const both = defineCmdlet({ name: 'Get-Both', synopsis: '', examples: [], parameters: {
      Path: param.strings({ help: '', sets: { A: { mandatory: true }, B: {} } }) } });
    expect(tableOf(both)).to.include('Required?                    true (A), false (B)');
    expect(tableOf(getItem)).to.include('Accept pipeline input?       True (ByPropertyName, ByValue)');
  });
  it('shows only the parameters asked for with -Parameter', () => {
    const text = renderHelp(request, { parameters: ['Type'] });
    expect(text).to.match(/^\n-Type <CertType\[\]>\n    Usages\.\n/);
    expect(text).to.not.include('-CA');
  });
  it('shows descriptions without the attribute table with -Detailed', () => {
    const text = renderHelp(request, { view: 'detailed' });
    expect(text).to.include('    -New [<SwitchParameter>]\n        A new request.');
    expect(text).to.not.include('Required?');
  });
  it('shows name, synopsis and the examples with -Examples', () => {
    const text = renderHelp(request, { view: 'examples' });
    expect(sectionsOf(text)).to.deep.equal(['NAME', 'SYNOPSIS']);
    expect(text).to.include('--------- Example 1: Request a default certificate ---------');
    expect(text).to.include('    Issues it.');
  });
  it('wraps long syntax lines between parameters', () => {
    const lines = renderHelp(request, { width: 60 }).split('\n');
    const syntax = lines.slice(lines.indexOf('SYNTAX') + 1, lines.indexOf('SYNTAX') + 4);
    expect(syntax.every(l => l.length <= 60)).to.equal(true);
    expect(syntax[1]).to.match(/^ {4}\[/);
  });
});
