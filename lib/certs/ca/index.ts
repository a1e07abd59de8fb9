// Registers the built-in CA back ends with authority.ts. Importing this module is what makes
// `kind: local` (and later acme, cfssl) known to createAuthority.

import { registerAuthority } from '../authority.js';
import { createLocalAuthority } from './local.js';
import { createAcmeAuthority } from './acme.js';
import { createCfsslAuthority } from './cfssl.js';

registerAuthority('local', createLocalAuthority);
registerAuthority('acme', createAcmeAuthority);
registerAuthority('cfssl', createCfsslAuthority);

export { LocalAuthority, type LocalAuthoritySettings } from './local.js';
