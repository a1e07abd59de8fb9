// Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)): each CA's permitted and excluded
// subtrees apply to every certificate below it except self-issued intermediates. DNS, IP,
// e-mail, URI host and directory names are processed; a constrained name form we cannot process
// (otherName, x400, EDI, registeredID) rejects the path when a certificate below uses it. A
// leaf may not carry constraints; a constraint that is no valid name, or an extension with no
// subtrees, is malformed. Comparisons are bounded so a crafted certificate cannot stall us.

import * as der from '../../x509/der.js';
import { nameAttributes } from '../../x509/names.js';
import type { CertificateModel } from '../certificate-model.js';
import { isHostName, presentedName, withinDomain } from '../dns-name.js';
import type { GeneralName, NameConstraints } from '../extension-decoders.js';
import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

const MAX_COMPARISONS = 1 << 20;
const UNPROCESSED = new Set(['other', 'x400', 'edi', 'rid']);

/** Every name a certificate asserts: its SANs, its subject as a directory name and e-mail attributes in it. */
function namesOf(certificate: CertificateModel): GeneralName[] {
  const names = [...(certificate.subjectAltName?.names ?? [])];
  if (certificate.subjectRdnCount > 0) {
    names.push({ type: 'dn', bytes: certificate.subjectRaw });
    for (const attribute of nameAttributes(der.read(certificate.subjectRaw)))
      if (attribute.oid === '1.2.840.113549.1.9.1') names.push({ type: 'email', text: attribute.value, bytes: Buffer.from(attribute.value) });
  }
  return names;
}

const rdns = (nameDer: Buffer) => der.children(der.read(nameDer)).map((rdn) => rdn.raw);

function dnWithin(name: Buffer, base: Buffer): boolean {
  const [inner, outer] = [rdns(name), rdns(base)];
  return outer.length <= inner.length && outer.every((rdn, i) => rdn.equals(inner[i]!));
}

function ipWithin(address: Buffer, subnet: Buffer): boolean {
  if (subnet.length !== address.length * 2) return false;
  return [...address].every((byte, i) => (byte & subnet[address.length + i]!) === (subnet[i]! & subnet[address.length + i]!));
}

function emailWithin(mailbox: string, constraint: string): boolean {
  const at = mailbox.lastIndexOf('@');
  const domain = mailbox.slice(at + 1).toLowerCase();
  if (constraint.includes('@')) return mailbox.slice(0, at) === constraint.slice(0, constraint.lastIndexOf('@'))
    && domain === constraint.slice(constraint.lastIndexOf('@') + 1).toLowerCase();
  const lower = constraint.toLowerCase();
  return lower.startsWith('.') ? domain.endsWith(lower) : domain === lower;
}

function uriHost(uri: string): string | undefined {
  try { return new URL(uri).hostname.toLowerCase() || undefined; } catch { return undefined; }
}

/** Whether `name` lies in the subtree `base`; for an excluded wildcard, whether any name it covers could. */
function within(name: GeneralName, base: GeneralName, excluded: boolean): boolean {
  switch (name.type) {
    case 'dns': {
      const presented = presentedName(name.text!);
      const domain = base.text!.toLowerCase();
      if (!presented) return excluded;
      if (!presented.wildcard) return withinDomain(presented.base, domain);
      return withinDomain(presented.base, domain) || (excluded && domain.endsWith(`.${presented.base}`));
    }
    case 'ip': return ipWithin(name.bytes, base.bytes);
    case 'email': return emailWithin(name.text!, base.text!);
    case 'dn': return dnWithin(name.bytes, base.bytes);
    case 'uri': {
      const host = uriHost(name.text!);
      const domain = base.text!.toLowerCase();
      if (!host) return excluded;
      return domain.startsWith('.') ? host.endsWith(domain) : host === domain;
    }
    default: return excluded;
  }
}

function constraintDefect(constraints: NameConstraints): string | undefined {
  const all = [...(constraints.permitted ?? []), ...(constraints.excluded ?? [])];
  if (all.length === 0) return 'it has neither permitted nor excluded subtrees';
  const badDns = all.find((c) => c.type === 'dns' && c.text !== '' && !isHostName(c.text!.toLowerCase()));
  if (badDns) return `its DNS name constraint '${badDns.text}' is not a valid DNS name`;
  const badIp = all.find((c) => c.type === 'ip' && c.bytes.length !== 8 && c.bytes.length !== 32);
  return badIp ? 'it has an IP address constraint that is not an address and mask' : undefined;
}

function violation(ca: CertificateModel, subject: CertificateModel, name: GeneralName, constraints: NameConstraints): string | undefined {
  const show = name.text ?? (name.type === 'dn' ? subject.subject : name.type === 'ip' ? [...name.bytes].join('.') : name.type);
  const excluded = (constraints.excluded ?? []).filter((c) => c.type === name.type);
  const permitted = (constraints.permitted ?? []).filter((c) => c.type === name.type);
  if (UNPROCESSED.has(name.type) && (excluded.length || permitted.length)) return `a ${name.type} name, a constrained form cscert cannot process`;
  if (excluded.some((c) => within(name, c, true))) return `'${show}', which '${ca.subject}' excludes`;
  if (permitted.length && !permitted.some((c) => within(name, c, false))) return `'${show}', which '${ca.subject}' does not permit`;
  return undefined;
}

export function nameConstraintsRule(context: PathContext): ValidationProblem[] {
  const found: ValidationProblem[] = [];
  let comparisons = 0;
  context.path.forEach((ca, index) => {
    const constraints = ca.nameConstraints;
    if (!constraints) return;
    if (index === 0 && !ca.basicConstraints?.ca) { found.push(problem('Profile', ca, `The certificate '${ca.subject}' is not a CA but carries name constraints.`)); return; }
    const defect = constraintDefect(constraints);
    if (defect) { found.push(problem('Malformed', ca, `The name constraints of '${ca.subject}' are malformed: ${defect}.`)); return; }
    const size = (constraints.permitted?.length ?? 0) + (constraints.excluded?.length ?? 0);
    for (const [below, certificate] of context.path.slice(0, index).entries()) {
      if (below > 0 && certificate.selfIssued) continue;
      const names = namesOf(certificate);
      comparisons += names.length * size;
      if (comparisons > MAX_COMPARISONS) {
        found.push(problem('PathBuildingLimit', ca, `Checking the name constraints of '${ca.subject}' needs more than ${MAX_COMPARISONS} comparisons; the path is rejected.`));
        return;
      }
      for (const name of names) {
        const why = violation(ca, certificate, name, constraints);
        if (why) found.push(problem('NameConstraints', certificate, `The certificate '${certificate.subject}' names ${why}.`));
      }
    }
  });
  return found;
}
