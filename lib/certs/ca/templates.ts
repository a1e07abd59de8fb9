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

/** A template the configuration adds to the embedded CA (`templates: { jcila: { clientAuth: true } }`). */
export interface ConfiguredTemplate { clientAuth?: boolean }

/** The built-in templates, and the configured ones (which may add to or redefine them). */
export function templateProfile(name = 'WebServer', configured: Record<string, ConfiguredTemplate> = {}): TemplateProfile | undefined {
  const own = Object.entries(configured).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  if (own) return { ekus: own.clientAuth ? [OID.serverAuth, OID.clientAuth] : [OID.serverAuth], clientEkuAllowed: true };
  return TEMPLATES[name.toLowerCase()];
}

/** The EKUs to issue: the template's, plus clientAuth on request. */
export function ekusFor(profile: TemplateProfile, clientEku: boolean): string[] {
  return clientEku && !profile.ekus.includes(OID.clientAuth) ? [...profile.ekus, OID.clientAuth] : profile.ekus;
}
