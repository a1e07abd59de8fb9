// A CA back end loaded when it is first asked something. The ACME back end brings Node's http
// server and child processes (and, on first use, acme-client): a command that only reads the store
// or asks the embedded CA must not pay for them. Settings are still checked when the authority is
// created, so a bad configuration fails at once, before anything is generated or stored.

import type { AuthorityFactory, CertificateAuthority } from '../authority.js';

type Ability = 'retrieve' | 'approve' | 'deny' | 'pending' | 'revoke';

export function lazyAuthority(kind: string, abilities: readonly Ability[], check: (settings: Record<string, unknown>, name: string) => void,
  load: () => Promise<AuthorityFactory>): AuthorityFactory {
  return (settings, env, name) => {
    check(settings, name);
    let real: Promise<CertificateAuthority> | undefined;
    const authority = () => (real ??= load().then(make => make(settings, env, name)));
    const forward = (method: 'issue' | 'describe' | Ability) =>
      async (...args: unknown[]) => {
        const target = await authority();
        return (target[method] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    const lazy: Record<string, unknown> = { kind, name, issue: forward('issue'), describe: forward('describe') };
    for (const ability of abilities) lazy[ability] = forward(ability);     // optional abilities stay absent
    return lazy as unknown as CertificateAuthority;
  };
}
