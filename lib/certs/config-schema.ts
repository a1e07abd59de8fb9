// The configuration's shape (SPEC §4) and a small validator for it. Hand-written instead of a
// JSON-schema library: the rules are few, and the errors must name the file, the key path
// (`topology.pools[1].role`) and what was expected. Imports only errors.ts.

import { CertError } from './errors.js';

export type PoolRole = 'FrontEnd' | 'Director' | 'Edge' | 'Mediation' | 'SBA' | 'Standard';
export const POOL_ROLES: readonly PoolRole[] = ['FrontEnd', 'Director', 'Edge', 'Mediation', 'SBA', 'Standard'];

export interface EdgeFqdns { internalFqdn?: string; accessEdgeFqdn?: string; webConferencingFqdn?: string; avFqdn?: string }
export interface Pool {
  fqdn: string;
  role: PoolRole;
  computers: string[];
  webServices?: { internalFqdn?: string; externalFqdn?: string };
  edge?: EdgeFqdns;
}
export interface Topology {
  /** The first is the primary SIP domain. */
  sipDomains: string[];
  simpleUrls: { meet?: string; dialin?: string; admin?: string };
  pools: Pool[];
}
export interface RequestDefaults {
  keySize: number;
  keyAlg: 'RSA' | 'ECDH_P256' | 'ECDH_P384' | 'ECDH_P521';
  template: string;
  organization?: string;
  ou?: string;
  city?: string;
  state?: string;
  country?: string;
  privateKeyExportable: boolean;
}
/** A named CA: `kind` picks the back end, `settings` are the rest of its keys. */
export interface AuthorityConfig { name: string; kind: 'local' | 'acme' | 'cfssl'; settings: Record<string, unknown> }

export interface CsConfig {
  /** The file the configuration came from; undefined for the embedded defaults. */
  file?: string;
  /** Absolute path of the store root. */
  store: string;
  /** The environment variable holding the passphrase that encrypts private keys at rest; naming one makes encryption required. */
  keyPassphraseEnv?: string;
  computerFqdn: string;
  topology: Topology;
  authorities: Record<string, AuthorityConfig>;
  defaultAuthority: string;
  defaults: RequestDefaults;
}

// ---- schema descriptors ----

type Schema =
  | { type: 'string' | 'boolean' | 'fqdn' | 'url' }
  | { type: 'integer'; oneOf?: number[] }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: Schema }
  | { type: 'object'; fields: Record<string, Field> }
  | { type: 'record'; values: Schema }
  | { type: 'tagged'; tag: string; variants: Record<string, Record<string, Field>> };
type Field = Schema & { required?: boolean };

const string = { type: 'string' } as const;
const fqdn = { type: 'fqdn' } as const;
const url = { type: 'url' } as const;
const boolean = { type: 'boolean' } as const;
const req = <T extends Schema>(schema: T): T & { required: true } => ({ ...schema, required: true });

const poolSchema: Schema = { type: 'object', fields: {
  fqdn: req(fqdn), role: req({ type: 'enum', values: POOL_ROLES }), computers: { type: 'array', items: fqdn },
  webServices: { type: 'object', fields: { internalFqdn: fqdn, externalFqdn: fqdn } },
  edge: { type: 'object', fields: { internalFqdn: fqdn, accessEdgeFqdn: fqdn, webConferencingFqdn: fqdn, avFqdn: fqdn } },
} };

const authoritySchema: Schema = { type: 'tagged', tag: 'kind', variants: {
  local: { policy: { type: 'enum', values: ['auto', 'manual'] }, trust: boolean,
    keyAlg: { type: 'enum', values: ['RSA', 'ECDH_P256', 'ECDH_P384'] }, validityDays: { type: 'integer' },
    aiaUrl: url, cdpUrl: url, templates: { type: 'record', values: { type: 'object', fields: { clientAuth: boolean } } } },
  acme: { directory: req(url), email: string, termsOfServiceAgreed: boolean, challenge: { type: 'enum', values: ['http-01', 'dns-01'] },
    eab: { type: 'object', fields: { kid: req(string), hmacKeyEnv: req(string) } },
    http: { type: 'object', fields: { address: string, port: { type: 'integer' } } },
    dnsHook: string, caBundle: string, waitSeconds: { type: 'integer' } },
  cfssl: { url: req(url), authKeyEnv: string, profiles: { type: 'record', values: string }, label: string, caBundle: string },
} };

export const configSchema: Schema = { type: 'object', fields: {
  store: string,
  keyPassphraseEnv: string,
  computerFqdn: fqdn,
  topology: { type: 'object', fields: {
    sipDomains: { type: 'array', items: fqdn },
    simpleUrls: { type: 'object', fields: { meet: url, dialin: url, admin: url } },
    pools: { type: 'array', items: poolSchema },
  } },
  authorities: { type: 'record', values: authoritySchema },
  defaultAuthority: string,
  defaults: { type: 'object', fields: {
    keySize: { type: 'integer', oneOf: [1024, 2048, 3072, 4096] },
    keyAlg: { type: 'enum', values: ['RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521'] },
    template: string, organization: string, ou: string, city: string, state: string,
    country: { type: 'string' }, privateKeyExportable: boolean,
  } },
} };

// ---- validation ----

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
const FQDN = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Throws InvalidConfig naming the file, the key path and what was expected. */
export function validate(value: unknown, schema: Schema, path: string, file: string): void {
  const fail = (expected: string): never => {
    throw new CertError('InvalidConfig', `${file}: ${path || '(top level)'}: expected ${expected}, found ${describe(value)}.`,
      { target: path || '(top level)', hint: `Fix '${path}' in ${file}.` });
  };
  switch (schema.type) {
    case 'string': if (typeof value !== 'string') fail('a string'); return;
    case 'boolean': if (typeof value !== 'boolean') fail('true or false'); return;
    case 'fqdn': if (typeof value !== 'string' || !FQDN.test(value)) fail('a host name (FQDN) such as pool1.contoso.com'); return;
    case 'url': if (typeof value !== 'string' || !URL.canParse(value)) fail('an absolute URL such as https://meet.contoso.com'); return;
    case 'integer':
      if (!Number.isInteger(value)) fail('an integer');
      if (schema.oneOf && !schema.oneOf.includes(value as number)) fail(`one of ${schema.oneOf.join(', ')}`);
      return;
    case 'enum': if (!schema.values.includes(value as string)) fail(`one of ${schema.values.join(', ')}`); return;
    case 'array':
      if (!Array.isArray(value)) fail('a list');
      (value as unknown[]).forEach((item, i) => validate(item, schema.items, `${path}[${i}]`, file));
      return;
    case 'record':
      if (!isPlainObject(value)) fail('a mapping of names to settings');
      for (const [key, item] of Object.entries(value as object)) validate(item, schema.values, `${path}.${quoteKey(key)}`, file);
      return;
    case 'object': return validateFields(value, schema.fields, path, file, fail);
    case 'tagged': {
      const tag = isPlainObject(value) ? (value as Record<string, unknown>)[schema.tag] : undefined;
      const variants = Object.keys(schema.variants);
      if (!isPlainObject(value)) fail(`settings with a ${schema.tag}`);
      if (!variants.includes(tag as string))
        validate(tag, { type: 'enum', values: variants }, `${path}.${schema.tag}`, file);
      return validateFields(value, { [schema.tag]: req(string), ...schema.variants[tag as string]! }, path, file, fail);
    }
  }
}

function validateFields(value: unknown, fields: Record<string, Field>, path: string, file: string, fail: (e: string) => never): void {
  if (!isPlainObject(value)) fail('a mapping');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (!(key in fields))
      throw new CertError('InvalidConfig', `${file}: ${keyPath}: unknown key; expected one of ${Object.keys(fields).join(', ')}.`,
        { target: keyPath, hint: `Remove or correct '${keyPath}' in ${file}.` });
    if (record[key] !== undefined) validate(record[key], fields[key]!, keyPath, file);
  }
  for (const [key, field] of Object.entries(fields))
    if (field.required && record[key] === undefined) {
      const keyPath = path ? `${path}.${key}` : key;
      throw new CertError('InvalidConfig', `${file}: ${keyPath}: required, missing.`, { target: keyPath });
    }
}

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const quoteKey = (key: string) => (/^[A-Za-z_][\w-]*$/.test(key) ? key : `'${key}'`);
