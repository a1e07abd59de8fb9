// Registers the built-in CA back ends with authority.ts. Importing this module is what makes
// `kind: local`, `acme` and `cfssl` known to createAuthority. ACME is loaded on first use (lazy.ts).

import { registerAuthority } from '../authority.js';
import { createLocalAuthority } from './local.js';
import { createCfsslAuthority } from './cfssl.js';
import { readAcmeSettings } from './acme-settings.js';
import { lazyAuthority } from './lazy.js';

registerAuthority('local', createLocalAuthority);
registerAuthority('acme', lazyAuthority('acme', ['retrieve'], readAcmeSettings,
  async () => (await import('./acme.js')).createAcmeAuthority));
registerAuthority('cfssl', createCfsslAuthority);

export { LocalAuthority, type LocalAuthoritySettings } from './local.js';
