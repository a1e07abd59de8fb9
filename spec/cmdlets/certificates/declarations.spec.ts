// The certificate cmdlets' declarations against the reference (§1 parameter sets, §2 CertType
// values) and the error mapping of cmdlets/shared/errors.ts.
import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { CertError, type CertErrorCode } from '../../../lib/certs/errors.js';
import type { CmdletDefinition } from '../../../lib/engine/cmdlet/index.js';
import { certificateCmdlets } from '../../../cmdlets/certificates.js';
import { CertType, KeyAlgorithm } from '../../../cmdlets/shared/cert-type.js';
import { CODE_KINDS, CMDLET_KINDS, toShellError } from '../../../cmdlets/shared/errors.js';
import { covers } from '../../../cmdlets/shared/assignment.js';
import { domainNameList, thumbprintArgument } from '../../../cmdlets/shared/cs-arguments.js';

const cmdlet = (name: string) => certificateCmdlets.find((c) => c.name === name) as CmdletDefinition;
const setsOf = (name: string, parameter: string) => Object.keys(cmdlet(name).parameters[parameter]!.sets);

describe('certificate cmdlet declarations', () => {
  it('belong to the SkypeForBusiness module and each has examples', () => {
    for (const c of certificateCmdlets) {
      expect(c.module, c.name).to.equal('SkypeForBusiness');
      expect(c.examples, c.name).to.not.be.empty;
    }
  });

  const sets = [
    ['Request-CsCertificate', 'New', ['New']], ['Request-CsCertificate', 'RequestId', ['List', 'Retrieve', 'Clear']],
    ['Request-CsCertificate', 'Type', ['New']], ['Request-CsCertificate', 'Output', ['New']],
    ['Set-CsCertificate', 'Reference', ['CertificateReference']], ['Set-CsCertificate', 'Thumbprint', ['Thumbprint']],
    ['Set-CsCertificate', 'Password', ['Path']], ['Import-CsCertificate', 'Type', ['CMS']],
    ['Import-CsCertificate', 'PrivateKeyExportable', ['Local']],
  ] as const;
  for (const [name, parameter, expected] of sets)
    it(`${name} -${parameter} is in the ${expected.join(', ')} set(s)`, () => expect(setsOf(name, parameter)).to.deep.equal(expected));

  it('takes -Reference from the pipeline by value, as the reference says', () =>
    expect(cmdlet('Set-CsCertificate').parameters.Reference!.sets.CertificateReference!.valueFromPipeline).to.equal(true));

  it('accepts -EffectiveTime for -EffectiveDate on Set and Import', () => {
    for (const name of ['Set-CsCertificate', 'Import-CsCertificate'])
      expect(cmdlet(name).parameters.EffectiveDate!.aliases).to.include('EffectiveTime');
  });

  it('takes passwords as secrets that accept plain strings', () => {
    for (const [name, parameter] of [['Set-CsCertificate', 'Password'], ['Import-CsCertificate', 'Password'], ['Export-CsCertificate', 'Password']])
      expect(cmdlet(name!).parameters[parameter!]).to.include({ kind: 'securestring', secret: true });
  });

  it('declares every changing cmdlet as such', () => {
    const changing = certificateCmdlets.filter((c) => c.changesState).map((c) => c.name).sort();
    expect(changing).to.deep.equal(['Approve-CsCertificateRequest', 'Deny-CsCertificateRequest', 'Export-CsCertificate',
      'Import-CsCertificate', 'Remove-CsCertificate', 'Request-CsCertificate', 'Set-CsCertificate']);
  });
});

describe('CertType and KeyAlgorithm', () => {
  it('list the reference §2 values with their spellings', () => {
    expect(CertType.values).to.include.members(['Default', 'WebServicesInternal', 'WebServicesExternal', 'Internal', 'External',
      'AccessEdgeExternal', 'DataEdgeExternal', 'AudioVideoAuthentication', 'OAuthTokenIssuer', 'XMPPServer', 'WsFedTokenTransfer',
      'iPhoneAPNService', 'iPadAPNService', 'MPNService', 'PICWebService', 'ProvisionService']);
  });
  it('lists the four key algorithms', () => expect(KeyAlgorithm.values).to.deep.equal(['RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521']));
});

describe('error mapping', () => {
  const codes = Object.keys(CODE_KINDS) as CertErrorCode[];
  it('gives every code a PascalCase id, a category and a hint', () => {
    for (const code of codes) {
      const e = toShellError(new CertError(code, `it failed (${code})`));
      expect(e.id, code).to.match(/^[A-Z][A-Za-z]+$/);
      expect(e.hint, code).to.be.a('string').and.not.empty;
    }
  });
  it('keeps ids unique across codes and the cmdlets\' own conditions', () => {
    const ids = [...Object.values(CODE_KINDS), ...Object.values(CMDLET_KINDS)].map((k) => k.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });
  const table = [['Untrusted', 'UntrustedRoot', 'SecurityError'], ['MissingIntermediate', 'MissingIntermediate', 'SecurityError'],
    ['NoPrivateKey', 'NoPrivateKey', 'InvalidData'], ['WrongPassword', 'WrongPassword', 'AuthenticationError'],
    ['PassphraseMissing', 'PassphraseMissing', 'AuthenticationError'],
    ['NotExportable', 'PrivateKeyNotExportable', 'PermissionDenied'], ['Locked', 'StoreLocked', 'ResourceBusy']] as const;
  for (const [code, id, category] of table)
    it(`maps ${code} to ${id} (${category})`, () => {
      expect(toShellError(new CertError(code, 'x'))).to.include({ id, category });
    });
  it("prefers the domain's own hint, naming the concrete thing", () =>
    expect(toShellError(new CertError('NotFound', 'x', { hint: 'Add it to topology.pools.' })).hint).to.equal('Add it to topology.pools.'));
  it('passes a ShellError through unchanged', () => {
    const e = new ShellError('Some', 'InvalidArgument', 'x');
    expect(toShellError(e)).to.equal(e);
  });
  it('reports a missing file by its path', () =>
    expect(toShellError(Object.assign(new Error('nope'), { code: 'ENOENT', path: '/x.pfx' }))).to.include({ id: 'CertificateFileNotFound', target: '/x.pfx' }));
});

describe('argument readers', () => {
  it('read a thumbprint in any case, with spaces or colons', () =>
    expect(thumbprintArgument('9f:3a 07' + 'a'.repeat(34))).to.equal('9F3A07' + 'A'.repeat(34)));
  it("refuse the reference's 43-character example thumbprint", () =>
    expect(() => thumbprintArgument('B142918E463981A76503828BB1278391B716280987B')).to.throw(ShellError).with.property('id', 'InvalidThumbprint'));
  it('split -DomainName on commas, spaces allowed', () =>
    expect(domainNameList('atl-edge-001.litwareinc.com, ap.litwareinc.com,dp.litwareinc.com')).to.deep.equal(
      ['atl-edge-001.litwareinc.com', 'ap.litwareinc.com', 'dp.litwareinc.com']));
  const coverage = [[['meet.litwareinc.com'], 'meet.litwareinc.com', true], [['*.litwareinc.com'], 'meet.litwareinc.com', true],
    [['*.litwareinc.com'], 'a.b.litwareinc.com', false], [['pool1.litwareinc.com'], 'meet.litwareinc.com', false]] as const;
  for (const [sans, name, expected] of coverage)
    it(`${expected ? 'count' : 'do not count'} ${name} as covered by ${sans.join(', ')}`, () => expect(covers(sans, name)).to.equal(expected));
});
