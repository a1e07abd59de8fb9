// The Cert: drive (PowerShell's certificate provider) over the one store: `Cert:\` holds the
// locations LocalMachine and CurrentUser; `Cert:\LocalMachine` the stores My, Root, CA and
// REQUEST; `Cert:\CurrentUser\My` is the same Personal store as LocalMachine's (there is one
// store per machine here). Items are certificates by thumbprint; REQUEST lists pending and
// offline requests the way Windows shows its request placeholders. Listing reads the store's
// index, never the certificate files. Removing an item deletes a certificate that no usage holds,
// or a request with its key. The host registers it; it loads the services only when browsed.

import type { DriveProvider } from '../../lib/engine/cmdlet/index.js';
import type { StoreName } from '../../lib/certs/store/layout.js';
import type { CertServices } from './services.js';
import { csError, toShellError } from './errors.js';
import { containerObject, x509Object } from './x509-object.js';

const LOCATIONS: Record<string, string[]> = { localmachine: ['My', 'Root', 'CA', 'REQUEST'], currentuser: ['My'] };
const LOCATION_NAMES: Record<string, string> = { localmachine: 'LocalMachine', currentuser: 'CurrentUser' };

const canonicalStore = (location: string, name: string) =>
  LOCATIONS[location]?.find((store) => store.toLowerCase() === name.toLowerCase());

export function createCertDrive(certs: () => Promise<CertServices>): DriveProvider {
  const guard = <A extends unknown[], R>(work: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try { return await work(...args); } catch (error) { throw toShellError(error); }
  };

  async function certificatesOf(location: string, store: string): Promise<unknown[]> {
    const svc = await certs();
    const shown = LOCATION_NAMES[location]!;
    if (store === 'REQUEST')
      return (await svc.domain.requestItems(svc.store)).map((item) => withRequest(x509Object(item, shown, store), item));
    return (await svc.store.list(store as StoreName)).map((entry) => x509Object(entry, shown, store));
  }

  async function childItems(path: string[], options: { recurse: boolean }): Promise<unknown[] | undefined> {
    const [location, store, thumbprint, ...rest] = path.map((p) => p.toLowerCase());
    if (rest.length) return undefined;
    if (location === undefined) {
      const locations = Object.keys(LOCATIONS).map((l) => containerObject('location', LOCATION_NAMES[l]!, undefined, LOCATIONS[l]));
      if (!options.recurse) return locations;
      const below = await Promise.all(Object.keys(LOCATIONS).map((l) => childItems([l], options)));
      return locations.flatMap((item, i) => [item, ...(below[i] ?? [])]);
    }
    if (!LOCATIONS[location]) return undefined;
    if (store === undefined) {
      const stores = LOCATIONS[location]!.map((s) => containerObject('store', s, LOCATION_NAMES[location]));
      if (!options.recurse) return stores;
      const below = await Promise.all(LOCATIONS[location]!.map((s) => certificatesOf(location, s)));
      return stores.flatMap((item, i) => [item, ...below[i]!]);
    }
    const name = canonicalStore(location, store);
    if (!name) return undefined;
    if (thumbprint === undefined) return certificatesOf(location, name);
    const found = await item(path);
    return found === undefined ? undefined : [found];
  }

  async function item(path: string[]): Promise<unknown | undefined> {
    const [location, store, thumbprint, ...rest] = path.map((p) => p.toLowerCase());
    if (location === undefined) return containerObject('location', 'Cert:\\');
    if (!LOCATIONS[location] || rest.length) return undefined;
    if (store === undefined) return containerObject('location', LOCATION_NAMES[location]!, undefined, LOCATIONS[location]);
    const name = canonicalStore(location, store);
    if (!name) return undefined;
    if (thumbprint === undefined) return containerObject('store', name, LOCATION_NAMES[location]);
    const wanted = thumbprint.replace(/[\s:]/g, '').toUpperCase();
    return (await certificatesOf(location, name)).find((c) => (c as { get(n: string): unknown }).get('Thumbprint') === wanted);
  }

  async function removeItem(path: string[]): Promise<void> {
    const [location = '', store = '', thumbprint] = path;
    const name = canonicalStore(location.toLowerCase(), store);
    if (!name || !thumbprint) throw csError('CertificateInUse', `'Cert:\\${path.join('\\')}' is not a certificate; only certificates can be removed.`, path.join('\\'));
    const svc = await certs();
    const wanted = thumbprint.replace(/[\s:]/g, '').toUpperCase();
    if (name === 'REQUEST') {
      const request = (await svc.domain.requestItems(svc.store)).find((r) => r.thumbprint === wanted);
      if (request) await svc.store.removeRequest(request.requestId);
      return;
    }
    const holders = (await svc.store.usagesOf(wanted)).filter((u) => u.as !== 'previous');
    if (holders.length) throw csError('CertificateInUse',
      `The certificate '${wanted}' is assigned to ${holders.map((u) => `${u.usage} (${u.scope})`).join(', ')}; it cannot be deleted.`, wanted);
    await svc.store.remove(name as StoreName, wanted);
  }

  return { name: 'Cert', description: 'X509 certificate store: My, Root, CA and REQUEST',
    childItems: guard(childItems), item: guard(item), removeItem: guard(removeItem) };
}

function withRequest(object: ReturnType<typeof x509Object>, item: { requestId: number; status: string }) {
  object.set('RequestId', item.requestId);
  object.set('RequestStatus', item.status);
  return object;
}
