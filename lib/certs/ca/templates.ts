// Certificate templates of the embedded CA, as profiles: which EKUs a template grants. The
// names follow Windows AD CS, which -Template values come from. Imports oids only.

import { OID } from '../x509/oids.js';

export interface TemplateProfile { ekus: string[]; clientEkuAllowed: boolean }

const TEMPLATES: Record<string, TemplateProfile> = {
  webserver: { ekus: [OID.serverAuth], clientEkuAllowed: true },
  computer: { ekus: [OID.serverAuth, OID.clientAuth], clientEkuAllowed: true },
  machine: { ekus: [OID.serverAuth, OID.clientAuth], clientEkuAllowed: true },
  webserverclient: { ekus: [OID.serverAuth, OID.clientAuth], clientEkuAllowed: true },
};

export function templateProfile(name = 'WebServer'): TemplateProfile | undefined {
  return TEMPLATES[name.toLowerCase()];
}

/** The EKUs to issue: the template's, plus clientAuth on request. */
export function ekusFor(profile: TemplateProfile, clientEku: boolean): string[] {
  return clientEku && !profile.ekus.includes(OID.clientAuth) ? [...profile.ekus, OID.clientAuth] : profile.ekus;
}
