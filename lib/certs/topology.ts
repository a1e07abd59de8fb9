// Subject names and SANs per -Type, computed from the topology as reference §2 describes, and
// the topology lookups behind Get-CsPool, Get-CsComputer and Get-CsSipDomain. Decisions where
// the sources are silent or disagree (reference §8):
// - Several types in one request share one certificate: the subject is that of the first type
//   in CERT_TYPES order (so Default's pool FQDN wins, "the pool name is added to the subject"),
//   the SANs are -DomainName entries first, then each type's names, without duplicates.
// - SIP-domain entries (`sip.<domain>`, lyncdiscover[internal].<domain>) cover the primary SIP
//   domain, or every SIP domain with -AllSipDomain (Request-CsCertificate's parameter text).
// - Web services certificates are subject-named after the pool (the EE text), whose FQDN
//   equals the server's on Standard Edition.
// - OAuthTokenIssuer: subject and one SAN = the primary SIP domain (the observed -Report log).
// - A/V Authentication and Edge internal: subject only, no SANs.
// - Whenever there are SANs, the subject is among them ("TLS ignores the subject name").
// Imports config-schema types, cert-types and errors only.

import { CertError } from './errors.js';
import { CERT_TYPES, ONLINE_ONLY_TYPES, type CertType } from './cert-types.js';
import type { CsConfig, Pool } from './config-schema.js';

export interface NameRequest {
  types: CertType[];
  /** The computer the certificate is for (-ComputerFqdn, else the configured computer). */
  computer: string;
  /** A pool FQDN, when the computer is not listed in the topology's pools. */
  pool?: string;
  /** -DomainName: extra SANs, listed first. */
  domainNames?: string[];
  allSipDomain?: boolean;
}

export interface ComputedNames { subject: string; sans: string[] }

interface Context { pool: Pool; computer: string; domains: string[]; primaryDomain?: string; config: CsConfig }

export function computeNames(config: CsConfig, request: NameRequest): ComputedNames {
  const computer = request.computer.toLowerCase();
  const pool = request.pool ? findPool(config, request.pool) : poolOfComputer(config, computer);
  if (!pool) throw new CertError('TopologyIncomplete',
    `The computer '${computer}' is not a member of any pool in the topology.`, { target: computer,
      hint: 'Add it to topology.pools[].computers in the configuration, or give -ComputerFqdn a listed computer.' });
  const sipDomains = config.topology.sipDomains;
  const context: Context = { pool, computer, config, primaryDomain: sipDomains[0],
    domains: request.allSipDomain ? sipDomains : sipDomains.slice(0, 1) };
  const ordered = CERT_TYPES.filter((type) => request.types.includes(type));
  if (!ordered.length) throw new CertError('InvalidArgument', 'At least one certificate type is needed.');
  const perType = ordered.map((type) => namesFor(type, context));
  const subject = perType[0]!.subject;
  const sans = unique([...(request.domainNames ?? []), ...perType.flatMap((names) => names.sans)]);
  if (sans.length && !sans.some((name) => name.toLowerCase() === subject.toLowerCase())) sans.unshift(subject);
  return { subject, sans };
}

function namesFor(type: CertType, context: Context): ComputedNames {
  if (ONLINE_ONLY_TYPES.includes(type))
    throw new CertError('Unsupported', `The certificate type ${type} is used by the online service only.`, { target: type });
  if (type === 'OAuthTokenIssuer') {
    const domain = need(context.primaryDomain, 'topology.sipDomains[0] (the primary SIP domain)');
    return { subject: domain, sans: [domain] };
  }
  const edge = context.pool.role === 'Edge';
  const edgeType = ['Internal', 'External', 'AccessEdgeExternal', 'DataEdgeExternal', 'AudioVideoAuthentication', 'XMPPServer'].includes(type);
  if (edge !== edgeType) throw new CertError('NotNeeded',
    `The computer does not need a certificate of type ${type}: its pool '${context.pool.fqdn}' has the role ${context.pool.role}.`,
    { target: type });
  return edge ? edgeNames(type, context) : frontEndNames(type, context);
}

function frontEndNames(type: CertType, { pool, computer, domains, config }: Context): ComputedNames {
  const hosts = simpleUrlHosts(config);
  const at = `pool '${pool.fqdn}'`;
  switch (type) {
    case 'Default':
      if (pool.role === 'Mediation') return { subject: pool.fqdn, sans: [pool.fqdn, computer] };
      if (pool.role === 'SBA') return { subject: computer, sans: [...domains.map((d) => `sip.${d}`), computer] };
      return { subject: pool.fqdn, sans: [...domains.map((d) => `sip.${d}`), pool.fqdn, computer] };
    case 'WebServicesInternal':
      return { subject: pool.fqdn, sans: [pool.webServices?.internalFqdn ?? pool.fqdn, computer, pool.fqdn,
        ...hosts.dialin, ...hosts.meet, ...hosts.admin, ...domains.map((d) => `lyncdiscoverinternal.${d}`)] };
    case 'WebServicesExternal':
      return { subject: pool.fqdn, sans: [need(pool.webServices?.externalFqdn, `webServices.externalFqdn of ${at}`),
        ...hosts.dialin, ...hosts.meet, ...domains.map((d) => `lyncdiscover.${d}`)] };
    default:
      return { subject: pool.fqdn, sans: [pool.fqdn, computer] };
  }
}

function edgeNames(type: CertType, { pool, domains }: Context): ComputedNames {
  const at = `edge settings of pool '${pool.fqdn}'`;
  const edge = pool.edge ?? {};
  const accessEdge = () => need(edge.accessEdgeFqdn, `edge.accessEdgeFqdn of the ${at}`);
  switch (type) {
    case 'Internal':
      return { subject: edge.internalFqdn ?? pool.fqdn, sans: [] };
    case 'DataEdgeExternal': {
      const webConferencing = need(edge.webConferencingFqdn, `edge.webConferencingFqdn of the ${at}`);
      return { subject: webConferencing, sans: [webConferencing] };
    }
    case 'AudioVideoAuthentication':
      return { subject: edge.avFqdn ?? accessEdge(), sans: [] };
    default: { // AccessEdgeExternal, External; XMPPServer is the same plus two names per domain
      const sans = [accessEdge(), ...(edge.webConferencingFqdn ? [edge.webConferencingFqdn] : []), ...domains.map((d) => `sip.${d}`)];
      if (type === 'XMPPServer') sans.push(...domains.flatMap((d) => [`xmpp.${d}`, `*.${d}`]));
      return { subject: accessEdge(), sans };
    }
  }
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new CertError('TopologyIncomplete', `The topology does not define ${what}.`,
    { target: what, hint: 'Add it to the configuration file.' });
  return value;
}

function simpleUrlHosts(config: CsConfig): Record<'meet' | 'dialin' | 'admin', string[]> {
  const host = (url?: string) => (url ? [new URL(url).hostname] : []);
  const { meet, dialin, admin } = config.topology.simpleUrls;
  return { meet: host(meet), dialin: host(dialin), admin: host(admin) };
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => { const key = name.toLowerCase(); return !seen.has(key) && (seen.add(key), true); });
}

// ---- lookups for Get-CsPool, Get-CsComputer, Get-CsSipDomain ----

export function findPool(config: CsConfig, fqdn: string): Pool | undefined {
  return config.topology.pools.find((pool) => pool.fqdn.toLowerCase() === fqdn.toLowerCase());
}

/** The pool listing the computer, or a pool whose FQDN is the computer's (Standard Edition). */
export function poolOfComputer(config: CsConfig, computer: string): Pool | undefined {
  const lower = computer.toLowerCase();
  return config.topology.pools.find((pool) => pool.computers.some((c) => c.toLowerCase() === lower))
    ?? findPool(config, computer);
}

export interface SipDomainInfo { identity: string; isDefault: boolean }
export const sipDomains = (config: CsConfig): SipDomainInfo[] =>
  config.topology.sipDomains.map((identity, index) => ({ identity, isDefault: index === 0 }));

export interface ComputerInfo { identity: string; pool: string; role: string }
export const computers = (config: CsConfig): ComputerInfo[] =>
  config.topology.pools.flatMap((pool) => pool.computers.map((identity) => ({ identity, pool: pool.fqdn, role: pool.role })));

export const pools = (config: CsConfig): Pool[] => config.topology.pools;
