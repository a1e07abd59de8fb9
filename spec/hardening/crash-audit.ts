// What the hardening specs check after crashes and races: a store, opened as any later cscert
// would open it, whose every visible file is whole and whose index, assignments and files agree.
// Shared by crash.spec.ts and concurrency.spec.ts.

import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { fromPem, openStore, type Store } from '../../lib/certs/index.js';

export interface Audit {
  store: Store;
  /** Thumbprints in My, from the index. */
  my: Set<string>;
  /** Every thumbprint an assignment names (current, rolled, previous). */
  assigned: Set<string>;
}

/** Opens the store, then checks that everything a reader can see is complete and consistent. */
export async function auditStore(root: string): Promise<Audit> {
  const store = await openStore(root, { now: () => new Date(), storeRoot: root });
  const listed = await store.list('My');
  const my = new Set(listed.map((entry) => entry.thumbprint));
  const files = readdirSync(join(root, 'My'));
  expect(files.filter((n) => /^[0-9A-F]{40}\.pem$/.test(n)).map((n) => n.slice(0, 40)).sort()).to.deep.equal([...my].sort());
  for (const name of files) {
    if (name.includes('.tmp-')) continue;   // a dead writer's temp file: never read, named so no reader matches it
    const text = readFileSync(join(root, 'My', name), 'utf8');
    if (name.endsWith('.key.pem')) createPrivateKey(text);
    else if (name.endsWith('.pem')) fromPem(text, 'CERTIFICATE');
    else JSON.parse(text);
    if (!name.endsWith('.pem') || name.endsWith('.key.pem')) expect(my, `${name} without its certificate`).to.include(name.slice(0, 40));
  }
  for (const name of readdirSync(join(root, 'REQUEST')).filter((n) => n.endsWith('.json'))) JSON.parse(readFileSync(join(root, 'REQUEST', name), 'utf8'));
  expect(readdirSync(root).filter((n) => n.startsWith('journal')), 'journal of a dead process left after open').to.deep.equal([]);
  const assigned = new Set<string>();
  for (const view of await store.assignments()) {
    for (const thumbprint of [view.thumbprint, view.previousThumbprint, view.pendingThumbprint])
      if (thumbprint) { assigned.add(thumbprint); expect(my, `assigned ${thumbprint} (${view.usage})`).to.include(thumbprint); }
    if (view.thumbprint && view.previousThumbprint) expect(view.previousThumbprint).to.not.equal(view.thumbprint);
  }
  return { store, my, assigned };
}
