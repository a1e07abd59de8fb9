// Whether the leaf is for the name asked (RFC 6125 as the CA/B Forum profile applies it): only
// dNSName SANs count, never the subject CN (which, when present, must repeat a SAN entry), and a
// leaf with an invalid dNSName is rejected.

import type { CertificateModel } from '../certificate-model.js';
import { presentedMatches, presentedName, referenceName } from '../dns-name.js';
import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

/**
 * CA/B Forum BR 7.1.4.3: a CN, if present, is a character-for-character copy of a SAN entry, so
 * a legacy client that still reads the CN cannot be sent to a name the SANs do not carry. We also
 * tolerate a CN that is a parent domain of a SAN entry (CN=example.com beside *.example.com or
 * foo.example.com): x509-limbo expects such certificates to pass, and no client can be sent
 * anywhere unexpected by a name that no SAN-aware client matches. Byte comparison, as the BR says.
 * An error only when strict: Skype for Business topologies (Edge external) put a CN the SANs omit.
 */
function commonNameProblems(leaf: CertificateModel, dnsNames: string[], strict: boolean): ValidationProblem[] {
  const addresses = (leaf.subjectAltName?.names ?? []).filter((n) => n.type === 'ip').map((n) => formatAddress(n.bytes));
  const listed = (cn: string) => dnsNames.some((name) => name === cn || name.endsWith(`.${cn}`)) || addresses.includes(cn);
  return leaf.commonNames.filter((cn) => !listed(cn)).map((cn) => problem('Profile', leaf,
    `The certificate '${leaf.subject}' has the common name '${cn}', which is not one of its subject alternative names.`,
    strict ? 'Error' : 'Warning'));
}

const formatAddress = (bytes: Buffer) => bytes.length === 4 ? [...bytes].join('.')
  : [...Array(bytes.length / 2).keys()].map((i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');

export function hostNameRule(context: PathContext): ValidationProblem[] {
  const leaf = context.path[0]!;
  const dnsNames = (leaf.subjectAltName?.names ?? []).filter((n) => n.type === 'dns').map((n) => n.text!);
  const invalid = dnsNames.filter((name) => !presentedName(name));
  const found = invalid.map((name) => problem('InvalidName', leaf,
    `The certificate '${leaf.subject}' names '${name}' in its subject alternative name, which is not a valid DNS name.`));
  if (context.policy.serverAuth) found.push(...commonNameProblems(leaf, dnsNames, !!context.policy.strict));
  const asked = context.policy.dnsName;
  if (asked === undefined) return found;
  const reference = referenceName(asked);
  if (!reference) return [...found, problem('NameMismatch', leaf, `'${asked}' is not a valid DNS name to check the certificate against.`)];
  if (dnsNames.some((name) => { const p = presentedName(name); return p && presentedMatches(p, reference); })) return found;
  const listed = dnsNames.length ? `it names ${dnsNames.join(', ')}` : 'it has no DNS names in its subject alternative name (the common name is not used)';
  return [...found, problem('NameMismatch', leaf, `The certificate '${leaf.subject}' is not valid for '${reference}': ${listed}.`)];
}
