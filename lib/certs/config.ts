// Loading the configuration (SPEC §4): cosmiconfig finds a `cscert` file from the working
// directory up (or the one --config / CSCERT_CONFIG names), config-schema.ts validates it, and
// the gaps are filled with embedded defaults so that a machine with no file at all works: a
// store under the user's data directory, this host as a Standard Edition Front End, and the
// embedded CA. cosmiconfig is imported only when a search actually happens (start-up cost).

import { hostname, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { CertError } from './errors.js';
import { configSchema, validate, type AuthorityConfig, type CsConfig, type Topology } from './config-schema.js';

export type { CsConfig, Topology, Pool, PoolRole, EdgeFqdns, RequestDefaults, AuthorityConfig } from './config-schema.js';
export { POOL_ROLES } from './config-schema.js';

export interface LoadConfigOptions {
  cwd: string;
  /** --config FILE; beats CSCERT_CONFIG. */
  configFile?: string;
  env: NodeJS.ProcessEnv;
  /** --store DIR; beats CSCERT_STORE and the file. */
  store?: string;
  /** For tests: the host name to derive defaults from. */
  hostName?: string;
}

const MODULE = 'cscert';
const SEARCH_PLACES = ['package.json', `.${MODULE}rc`, `.${MODULE}rc.json`, `.${MODULE}rc.yaml`, `.${MODULE}rc.yml`,
  `.${MODULE}rc.js`, `.${MODULE}rc.cjs`, `.${MODULE}rc.mjs`, `${MODULE}.config.js`, `${MODULE}.config.cjs`,
  `${MODULE}.config.mjs`, `${MODULE}.config.json`, `${MODULE}.config.yaml`];

export async function loadConfig(options: LoadConfigOptions): Promise<CsConfig> {
  const found = await findConfigFile(options);
  if (found) validate(found.config, configSchema, '', found.file);
  return completeConfig((found?.config ?? {}) as Record<string, unknown>, found?.file, options);
}

async function findConfigFile(options: LoadConfigOptions): Promise<{ config: unknown; file: string } | undefined> {
  const named = options.configFile ?? options.env.CSCERT_CONFIG;
  if (!named && !mightFindConfig(options.cwd, options.env)) return undefined;
  const target = named ? resolve(options.cwd, named) : undefined;
  if (target && !existsSync(target))
    throw new CertError('NotFound', `The configuration file '${target}' does not exist.`, { target });
  if (target?.toLowerCase().endsWith('.json')) return { config: readJsonConfig(target), file: target };
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig(MODULE, { searchPlaces: SEARCH_PLACES, searchStrategy: 'global', cache: false });
  try {
    const result = target ? await explorer.load(target) : await explorer.search(options.cwd);
    return result ? { config: result.isEmpty ? {} : result.config, file: result.filepath } : undefined;
  } catch (error) {
    const file = target ?? options.cwd;
    throw new CertError('InvalidConfig', `${file}: cannot be read: ${(error as Error).message.split('\n')[0]}`,
      { target: file, cause: error });
  }
}

/** A named JSON file, read as cosmiconfig reads one (empty is no settings) without loading cosmiconfig (about 20 ms). */
function readJsonConfig(file: string): unknown {
  try {
    const text = readFileSync(file, 'utf8');
    return text.trim() ? JSON.parse(text) as unknown : {};
  } catch (error) {
    throw new CertError('InvalidConfig', `${file}: cannot be read: ${(error as Error).message.split('\n')[0]}`, { target: file, cause: error });
  }
}

/**
 * Could cosmiconfig's search find anything? Loading cosmiconfig costs about 20 ms, most of a
 * one-off command's start-up, and most machines have no configuration file at all: so look for
 * the search places (and the global config folder) first, and search for real only if one exists.
 * Errs towards yes: it must never say no where cosmiconfig would find a file.
 */
function mightFindConfig(cwd: string, env: NodeJS.ProcessEnv): boolean {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (SEARCH_PLACES.some(place => place === 'package.json' ? packageJsonHasKey(join(dir, place)) : existsSync(join(dir, place))))
      return true;
    if (dirname(dir) === dir) break;
  }
  // cosmiconfig's global folder, as it finds it (from the process's own environment).
  const configHomes = [env.XDG_CONFIG_HOME, process.env.XDG_CONFIG_HOME, join(homedir(), '.config')];
  return configHomes.some(home => home && existsSync(join(home, MODULE)));
}

function packageJsonHasKey(file: string): boolean {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { return false; }
  if (!text.includes(`"${MODULE}"`)) return false;
  try { return Object.hasOwn(JSON.parse(text) as object, MODULE); } catch { return true; }   // cosmiconfig will report it
}

/** This host's name made FQDN-like, and the domain it implies. */
export function hostIdentity(name = hostname()): { computerFqdn: string; domain: string } {
  const host = name.toLowerCase().replace(/\.$/, '');
  const dot = host.indexOf('.');
  if (dot > 0) return { computerFqdn: host, domain: host.slice(dot + 1) };
  return { computerFqdn: `${host || 'localhost'}.contoso.local`, domain: 'contoso.local' };
}

export function defaultStore(env: NodeJS.ProcessEnv): string {
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, MODULE);
  return join(env.HOME || homedir(), '.local', 'share', MODULE);
}

/** One Standard Edition Front End pool whose FQDN is the computer. */
export function defaultTopology(computerFqdn: string, domain: string): Topology {
  return {
    sipDomains: [domain],
    simpleUrls: { meet: `https://meet.${domain}`, dialin: `https://dialin.${domain}`, admin: `https://admin.${domain}` },
    pools: [{ fqdn: computerFqdn, role: 'FrontEnd', computers: [computerFqdn],
      webServices: { internalFqdn: computerFqdn, externalFqdn: `webext.${domain}` } }],
  };
}

function completeConfig(raw: Record<string, unknown>, file: string | undefined, options: LoadConfigOptions): CsConfig {
  const host = hostIdentity(options.hostName);
  const computerFqdn = (raw.computerFqdn as string | undefined)?.toLowerCase() ?? host.computerFqdn;
  const store = options.store ? resolve(options.cwd, options.store)
    : options.env.CSCERT_STORE ? resolve(options.cwd, options.env.CSCERT_STORE)
    : typeof raw.store === 'string' ? resolve(dirname(file!), raw.store) : defaultStore(options.env);
  const topology = completeTopology(raw.topology as Partial<Topology> | undefined, computerFqdn, host.domain);
  const authorities = completeAuthorities(raw.authorities as Record<string, Record<string, unknown>> | undefined, computerFqdn);
  const defaultAuthority = (raw.defaultAuthority as string | undefined) ?? Object.keys(authorities)[0]!;
  if (!authorities[defaultAuthority])
    throw new CertError('InvalidConfig', `${file}: defaultAuthority: '${defaultAuthority}' is not one of the authorities (${Object.keys(authorities).join(', ')}).`,
      { target: 'defaultAuthority' });
  const defaults = { keySize: 2048, keyAlg: 'RSA' as const, template: 'WebServer', privateKeyExportable: false,
    ...(raw.defaults as object | undefined) };
  const keyPassphraseEnv = raw.keyPassphraseEnv as string | undefined;
  return { file, store, ...(keyPassphraseEnv ? { keyPassphraseEnv } : {}), computerFqdn, topology, authorities, defaultAuthority, defaults };
}

function completeTopology(raw: Partial<Topology> | undefined, computerFqdn: string, domain: string): Topology {
  const fallback = defaultTopology(computerFqdn, raw?.sipDomains?.[0] ?? domain);
  if (!raw) return fallback;
  return {
    sipDomains: raw.sipDomains?.length ? raw.sipDomains : fallback.sipDomains,
    simpleUrls: raw.simpleUrls ?? fallback.simpleUrls,
    pools: (raw.pools ?? fallback.pools).map((pool) => ({ ...pool, computers: pool.computers ?? [] })),
  };
}

function completeAuthorities(raw: Record<string, Record<string, unknown>> | undefined, computerFqdn: string): Record<string, AuthorityConfig> {
  const entries = Object.entries(raw ?? {});
  if (!entries.length) entries.push([`${computerFqdn}\\cscert-ca`, { kind: 'local', policy: 'auto' }]);
  return Object.fromEntries(entries.map(([name, { kind, ...settings }]) =>
    [name, { name, kind: kind as AuthorityConfig['kind'], settings }]));
}
