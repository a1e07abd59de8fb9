// Test-CsCertificate: is this certificate a valid TLS server certificate, as Windows'
// Test-Certificate answers: $true or $false, each problem as a warning; -Detailed returns the
// chain and every problem instead. The certificate comes from the store (-Thumbprint) or a file
// (-Path); anchors and intermediates from the Root and CA stores, or from PEM files given with
// -TrustedPath and -IntermediatePath. Missing intermediates are fetched from the certificate's
// AIA "CA Issuers" URL only with -AllowFetch. The judging is lib/certs' one validator.

import { readFile } from 'node:fs/promises';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import type { CertificateInput } from '../lib/certs/validation/validate.js';
import type { ValidationResult } from '../lib/certs/validation/validate.js';
import { certServices, MODULE, thumbprintArgument } from './shared/cs-arguments.js';
import { CODE_KINDS, csError, toShellError } from './shared/errors.js';
import { chainLink } from './shared/request-status.js';

const RESULT_TYPE = 'Cs.CertificateValidation';
const PROBLEM_TYPE = 'Cs.CertificateValidationProblem';

async function readCertificates(ctx: CmdletContext, path: string, source: CertificateInput['source']): Promise<CertificateInput[]> {
  const full = ctx.session.resolvePath(path);
  const bytes = await readFile(full).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? csError('CertificateFileNotFound', `Cannot find the certificate file '${full}'.`, full) : toShellError(error);
  });
  const { certificatesIn } = await import('../lib/certs/validation/aia-fetch.js');
  let found: Buffer[];
  try { found = certificatesIn(bytes); } catch (error) { throw toShellError(error); }
  if (!found.length) throw csError('NotACertificateFile', `The file '${full}' holds no certificate.`, full);
  return found.map((der) => ({ der, source }));
}

function problemObject(p: ValidationResult['problems'][number]): PSObject {
  const object = new PSObject([
    ['Rule', p.rule], ['Severity', p.severity], ['ErrorId', CODE_KINDS[p.code].id],
    ['Subject', p.subject], ['Thumbprint', p.thumbprint ?? null], ['Message', p.message],
  ], [PROBLEM_TYPE]);
  object.defineMethod('ToString', () => `${p.rule}: ${p.message}`);
  return object;
}

function detailed(result: ValidationResult, dnsName: string | undefined, at: Date): PSObject {
  const leaf = result.chain[0];
  return new PSObject([
    ['Valid', result.valid], ['Subject', leaf?.subject ?? null], ['Thumbprint', leaf?.thumbprint ?? null],
    ['DnsName', dnsName ?? null], ['At', at],
    ['Chain', result.chain.map((link) => chainLink(link))],
    ['Problems', result.problems.map(problemObject)],
  ], [RESULT_TYPE]);
}

export default defineCmdlet({
  name: 'Test-CsCertificate',
  synopsis: 'Tests whether a certificate is a valid TLS server certificate: its chain, dates, usages, names and keys.',
  description: 'Builds every certification path from the certificate through the intermediate store (CA) to the Trusted ' +
    'Root store (Root), or through the PEM files of -IntermediatePath to those of -TrustedPath, and judges it as the ' +
    'Web PKI (CA/Browser Forum) profile does: validity at -At (default now), basicConstraints and path length, key ' +
    'usage, the Server Authentication EKU, name constraints, -DnsName against the DNS names of the subject alternative ' +
    'name (never the common name; a wildcard only as the whole left-most label), RSA keys of 2048 bits or more, no ' +
    'MD5 or SHA-1 signatures, no unknown critical extensions. Returns $true or $false, writing each problem as a ' +
    'warning; -Detailed returns an object with Valid, the Chain (each link Trusted, Present or Missing, with the store ' +
    'or file it came from) and every Problem (Rule, Severity, ErrorId, Subject, Message). With -AllowFetch a missing ' +
    'intermediate is fetched from the http URL the certificate names under Authority Information Access (CA Issuers).',
  module: MODULE,
  outputType: 'System.Boolean',
  defaultParameterSet: 'Thumbprint',
  parameters: {
    Thumbprint: param.string({ help: 'Thumbprint of a certificate in the store (40 hexadecimal digits).',
      sets: { Thumbprint: { mandatory: true, position: 0 } } }),
    Path: param.string({ help: 'A certificate file (.cer, .pem, .p7b); certificates after the first count as intermediates.',
      sets: { Path: { mandatory: true } } }),
    DnsName: param.string({ help: 'The name clients connect to, e.g. pool1.litwareinc.com; IDNs are compared as A-labels.' }),
    At: param.datetime({ help: 'Judge validity at this date-time instead of now.' }),
    TrustedPath: param.string({ help: 'A PEM file of trusted roots to use instead of the Root store.' }),
    IntermediatePath: param.string({ help: 'A PEM file of intermediate CA certificates to use instead of the CA store.' }),
    AllowFetch: param.switch({ help: 'Fetch missing intermediates from the AIA CA Issuers URL (http only, 5 s, 256 KB).' }),
    Strict: param.switch({ help: 'Also reject what only the public Web PKI forbids (an EKU on a root) instead of warning.' }),
    Detailed: param.switch({ help: 'Return the chain and every problem instead of $true/$false.' }),
  },
  examples: [
    { title: 'Is a newly issued certificate valid for the pool name?',
      code: '$c = Request-CsCertificate -New -Type Default\nTest-CsCertificate -Thumbprint $c.Thumbprint -DnsName $c.AlternativeNames[0]',
      output: [true] },
    { title: 'The chain and every problem, at a date after the certificate expires',
      code: '$c = Request-CsCertificate -New -Type Default\n$r = Test-CsCertificate -Thumbprint $c.Thumbprint -At (Get-Date).AddYears(5) -Detailed\n$r.Problems | ForEach-Object Rule',
      output: ['Expired'] },
    { title: 'A certificate file against the embedded CA root given as a file',
      setup: '$c = Request-CsCertificate -New -Type Default\nExport-CsCertificate -Thumbprint $c.Thumbprint -Path pool.cer -IncludeChain',
      code: 'Test-CsCertificate -Path pool.cer -TrustedPath (Get-CsCertificateAuthority)[0].RootCertificatePath', output: [true] },
  ],
  related: ['Get-CsCertificateStatus', 'Set-CsCertificate', 'Test-CsCertificateConfiguration'],
  async *process(args, ctx) {
    const at = args.At ?? ctx.now();
    const { validateWithFetch } = await import('../lib/certs/validation/aia-fetch.js');
    let result: ValidationResult;
    try {
      const given = args.Path ? await readCertificates(ctx, args.Path, 'Given') : undefined;
      const svc = args.Thumbprint || !args.TrustedPath || !args.IntermediatePath ? await certServices(ctx) : undefined;
      const leaf = given ? given[0]!.der : (await svc!.store.require(thumbprintArgument(args.Thumbprint!))).der;
      const stores = svc ? await svc.store.chainCertificates() : { roots: [], intermediates: [] };
      const anchors = args.TrustedPath ? await readCertificates(ctx, args.TrustedPath, 'Given') : stores.roots.map((der) => ({ der, source: 'Root' as const }));
      const intermediates = [...(given?.slice(1) ?? []),
        ...(args.IntermediatePath ? await readCertificates(ctx, args.IntermediatePath, 'Given') : stores.intermediates.map((der) => ({ der, source: 'CA' as const })))];
      result = await validateWithFetch({
        leaf, leafSource: args.Path ? 'Given' : 'Leaf', anchors, intermediates,
        policy: { at, dnsName: args.DnsName ?? undefined, serverAuth: true, strict: !!args.Strict },
        anchorPlace: args.TrustedPath ? `the trusted file '${args.TrustedPath}'` : undefined,
      }, { allowFetch: !!args.AllowFetch });
    } catch (error) { throw toShellError(error); }
    if (args.Detailed) { yield detailed(result, args.DnsName ?? undefined, at); return; }
    for (const problem of result.problems) ctx.writeWarning(problem.message);
    yield result.valid;
  },
});
