// Registers the built-in CA back ends with authority.ts. Importing this module is what makes
// `kind: local` (and later acme, cfssl) known to createAuthority.

import { registerAuthority } from '../authority.js';
import { createLocalAuthority } from './local.js';

registerAuthority('local', createLocalAuthority);

export { LocalAuthority, type LocalAuthoritySettings } from './local.js';
