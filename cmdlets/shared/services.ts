// What the certificate cmdlets need from the host, added to the engine's Services by declaration
// merging: `ctx.certs()` resolves to the loaded configuration, the opened store, the domain's
// environment and the domain functions. The host fills it with createCertServices
// (./cert-services.ts), which loads nothing until a Cs cmdlet first asks. Types only: importing
// this module costs nothing at run time.

import type { CsConfig } from '../../lib/certs/config.js';
import type { DomainEnv } from '../../lib/certs/env.js';
import type { Store } from '../../lib/certs/store/store.js';
import type * as DomainModule from './domain.js';

export type Domain = typeof DomainModule;

export interface CertServices {
  readonly config: CsConfig;
  readonly store: Store;
  /** The clock, random source and store root the domain functions take. */
  readonly env: DomainEnv;
  /** Which computer "local" means (configuration `computerFqdn`). */
  readonly computerFqdn: string;
  /** The lib/certs functions the cmdlets call, loaded with the services. */
  readonly domain: Domain;
}

declare module '../../lib/engine/cmdlet/context.js' {
  interface Services {
    /** The certificate domain, loaded on first use and shared by the session's commands. */
    certs(): Promise<CertServices>;
  }
}
