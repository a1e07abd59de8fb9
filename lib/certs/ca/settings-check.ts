// Checks for the settings of the online CAs (acme, cfssl), run when such a CA is created: each
// wrong value is an InvalidConfig error naming the key path (`authorities.pebble.eab.kid`), as
// config-schema.ts does for the file as a whole. Secrets are never settings: a setting names the
// environment variable that holds one, and only that name ever appears in a message. The CA
// bundle file that a setting names is read here too. Imports Node built-ins and errors.ts.

import { readFileSync } from 'node:fs';
import { CertError } from '../errors.js';

export type Settings = Record<string, unknown>;

export class SettingsReader {
  constructor(private readonly settings: Settings, readonly path: string, known: string[]) {
    for (const key of Object.keys(settings))
      if (!known.includes(key)) this.fail(key, `unknown key; expected one of ${known.join(', ')}`);
  }

  fail(key: string, expected: string): never {
    const keyPath = `${this.path}.${key}`;
    throw new CertError('InvalidConfig', `${keyPath}: ${expected}.`, { target: keyPath, hint: `Correct '${keyPath}' in the configuration file.` });
  }

  has(key: string): boolean { return this.settings[key] !== undefined; }

  string(key: string, required: true): string;
  string(key: string, required?: false): string | undefined;
  string(key: string, required = false): string | undefined {
    const value = this.settings[key];
    if (value === undefined) return required ? this.fail(key, 'required, missing') : undefined;
    if (typeof value !== 'string' || value === '') this.fail(key, 'expected a non-empty string');
    return value;
  }

  url(key: string, protocols: string[]): string {
    const value = this.string(key, true);
    if (!URL.canParse(value) || !protocols.includes(new URL(value).protocol))
      this.fail(key, `expected an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL, found '${value}'`);
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.settings[key] ?? fallback;
    if (typeof value !== 'boolean') this.fail(key, 'expected true or false');
    return value;
  }

  number(key: string, fallback: number, range: [number, number]): number {
    const value = this.settings[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < range[0] || value > range[1])
      this.fail(key, `expected a number from ${range[0]} to ${range[1]}`);
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const value = this.settings[key] ?? fallback;
    if (!values.includes(value as T)) this.fail(key, `expected one of ${values.join(', ')}`);
    return value as T;
  }

  /** A nested mapping, read with its own known keys. */
  object(key: string, known: string[]): SettingsReader | undefined {
    const value = this.settings[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(key, 'expected a mapping');
    return new SettingsReader(value as Settings, `${this.path}.${key}`, known);
  }

  /** A mapping of names to strings (e.g. template -> profile). */
  stringMap(key: string): Record<string, string> {
    const value = this.settings[key] ?? {};
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string'))
      this.fail(key, 'expected a mapping of names to strings');
    return value as Record<string, string>;
  }
}

/** The secret held by the environment variable a setting names; never put it in a message. */
export function secretFromEnv(variable: string, setting: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[variable];
  if (!value) throw new CertError('InvalidConfig', `The environment variable ${variable} (named by ${setting}) is not set.`,
    { target: setting, hint: `Set ${variable} in the environment cscert runs in; the secret itself never goes in the configuration file.` });
  return value;
}

/** The certificates of a CA bundle file (PEM), to trust instead of the defaults when reaching a CA. */
export function readCaBundle(file: string, setting: string): Buffer {
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch (error) {
    throw new CertError('InvalidConfig', `${setting}: cannot read the CA bundle '${file}': ${(error as NodeJS.ErrnoException).code ?? error}.`,
      { target: setting, cause: error });
  }
  if (!bytes.includes('-----BEGIN CERTIFICATE-----'))
    throw new CertError('InvalidConfig', `${setting}: '${file}' holds no PEM certificate.`, { target: setting });
  return bytes;
}
