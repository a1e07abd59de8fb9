// The host's provider of ctx.certs(): loads the configuration (cosmiconfig), opens the store and
// registers the CA back ends on the first call, then hands the same services to every later
// command of the session. Everything is reached with `await import()`, so a session that runs
// no Cs cmdlet loads no certificate code at all (SPEC §8 start-up). A failed load is not cached:
// the next command tries again and reports the same error with its own name.

import type { CertServices } from './services.js';

export interface CertServicesOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** --config FILE */
  configFile?: string;
  /** --store DIR */
  storeOverride?: string;
  now(): Date;
}

export function createCertServices(options: CertServicesOptions): () => Promise<CertServices> {
  let loading: Promise<CertServices> | undefined;
  return () => {
    loading ??= load(options).catch((error: unknown) => { loading = undefined; throw error; });
    return loading;
  };
}

async function load(options: CertServicesOptions): Promise<CertServices> {
  const [{ loadConfig }, { openStore }, { createDomainEnv }, domain] = await Promise.all([
    import('../../lib/certs/config.js'), import('../../lib/certs/store/store.js'), import('../../lib/certs/env.js'), import('./domain.js')]);
  const config = await loadConfig({ cwd: options.cwd, env: options.env, configFile: options.configFile, store: options.storeOverride });
  const env = createDomainEnv({ storeRoot: config.store, env: options.env, now: options.now, keyPassphraseEnv: config.keyPassphraseEnv });
  const store = await openStore(config.store, env);
  return { config, store, env, computerFqdn: config.computerFqdn, domain };
}
