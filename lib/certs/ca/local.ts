// The embedded CA (`kind: local`): a two-tier CA created on first use inside the store. Files
// under <store>/ca/<name>/:
//
//   root.pem  root.key.pem          self-signed root, 20 years
//   issuing.pem  issuing.key.pem    issuing CA signed by the root, 10 years, pathLength 0
//   requests/issued.jsonl           the requests it issued at once: one JSON line each (CSR, template, certificate)
//   requests/<id>.json              the other requests it received: pending approval (then issued), or denied
//   state.json                      { nextRequestId } (a hint: ids are unique by the files and the log)
//   .lock                           held while it creates itself
//
// Request records are store files: each is written in a store transaction (issueWithin), so it
// rides in the group-commit batch with the certificate it answers, under the store lock (which
// also makes request ids unique across processes). A request issued at once is never changed
// again, so it is a line appended to the log, not a file of its own (a new file, its rename and
// its sync cost each issuance as much as the rest of the CA's work); older stores' records of
// such requests stay files and are read as before. Request-CsCertificate issues inside its own
// transaction: one durable commit per batch of requests, and a request whose store change fails
// leaves no record at the CA either. The CA's certificates, their parsed facts and the issuing
// key are read once per process (`created`), not per request.
//
// Keys are RSA-2048 by default: every TLS stack and every Windows/Lync client of the era accepts
// an RSA chain, while ECDSA roots are not universal; the CA keys are made once (about 0.25 s),
// and an RSA-2048 signature costs 0.2 ms, far below the leaf's own key generation. `keyAlg`
// chooses P-256/P-384 instead. Root and issuing certificates go to the Root and CA stores at
// creation unless `trust: false`. Policy `auto` issues at once; `manual` answers Pending until
// approve/deny. Leaves live 2 years (validityDays), never past the issuing CA.

import { randomBytes as nodeRandomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import type { AuthorityDescription, CertificateAuthority, IssueRequest, IssuedCertificate, PendingCaRequest } from '../authority.js';
import { atomicWrite, readIfExists } from '../store/files.js';
import { loggedRecordOnDisk, logLine } from '../store/record-log.js';
import { decodeKey, encodeKey } from '../store/keys-at-rest.js';
import { paths } from '../store/layout.js';
import { withLock } from '../store/lock.js';
import { openStore, type StoreTransaction } from '../store/store.js';
import { createCertificate, tbsParts } from '../x509/certificate.js';
import { parseCsr, type ParsedCsr } from '../x509/csr.js';
import { generateKey, spkiDer, type KeyAlgorithm } from '../x509/keys.js';
import { encodeName } from '../x509/names.js';
import { parseCertificate, thumbprintOf } from '../x509/parse.js';
import { fromPem, toPem } from '../x509/pem-text.js';
import { ekusFor, templateProfile, type ConfiguredTemplate } from './templates.js';

export interface LocalAuthoritySettings {
  policy?: 'auto' | 'manual';
  trust?: boolean;
  keyAlg?: KeyAlgorithm;
  validityDays?: number;
  aiaUrl?: string;
  cdpUrl?: string;
  /** Templates beyond the built-in ones (WebServer, Computer...), as AD CS administrators add them. */
  templates?: Record<string, ConfiguredTemplate>;
}

interface CaMaterial {
  root: Buffer; issuing: Buffer; issuingKey: KeyObject;
  /** What every certificate issued copies from the issuing CA's certificate, read once. */
  issuer: { subjectDer: Buffer; spki: Buffer; notAfter: Date };
}

interface CaRequestRecord {
  id: string;
  status: 'Pending' | 'Issued' | 'Denied';
  csr: string;
  template: string;
  clientEku: boolean;
  submittedAt: string;
  requester?: string;
  certificate?: string;
  reason?: string;
}

const DAY_MS = 86_400_000;
const ISSUED_LOG = 'issued.jsonl';
/** CA material already loaded in this process, by directory: a request makes a new authority object each time. */
const created = new Map<string, CaMaterial>();
const nextIds = new Map<string, number>();
const stateHints = new Map<string, number>();
const addYears = (date: Date, years: number) =>
  new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()));

export class LocalAuthority implements CertificateAuthority {
  readonly kind = 'local';
  private readonly directory: string;
  /** The CA's folder relative to the store root: how a transaction names its files. */
  private readonly folder: string;
  private material?: CaMaterial;

  constructor(readonly name: string, private readonly settings: LocalAuthoritySettings, private readonly env: DomainEnv) {
    this.folder = paths.authority(name);
    this.directory = join(env.storeRoot, this.folder);
  }

  private get policy() { return this.settings.policy ?? 'auto'; }
  private now() { return this.env.now(); }
  private lock<T>(work: () => Promise<T> | T) { return withLock(join(this.directory, '.lock'), this.env.lockTimeoutMs ?? 15_000, work); }

  async issue(request: IssueRequest): Promise<IssuedCertificate> {
    const csr = request.built ?? parseCsr(request.csr);   // Malformed before anything is recorded
    await this.ensureCreated();
    return this.change((tx) => this.issueWithin(tx, request, csr));
  }

  /**
   * Issues (or records for approval) as part of the store change `tx`: the record is written by
   * the transaction, so it is committed with, and only with, what the caller stores. Call
   * ensureCreated() first, outside any transaction (creating the CA is a change of its own).
   */
  issueWithin(tx: StoreTransaction, request: IssueRequest, csr: ParsedCsr = request.built ?? parseCsr(request.csr)): IssuedCertificate {
    if (!this.material) throw new Error('LocalAuthority.issueWithin before ensureCreated');
    const template = request.template ?? 'WebServer';
    const record: CaRequestRecord = { id: this.nextRequestId(tx), status: 'Pending', csr: toPem('CERTIFICATE REQUEST', csr.der), template,
      clientEku: request.clientEku ?? false, submittedAt: this.now().toISOString(), requester: request.requester };
    const outcome = !templateProfile(template, this.settings.templates)
      ? { ...record, status: 'Denied' as const, reason: 'The request was for a certificate template that is not supported.' }
      : this.policy === 'auto' ? this.sign(record, csr) : record;
    this.save(tx, outcome, outcome.status === 'Issued');
    return this.answer(outcome);
  }

  async retrieve(caRequestId: string): Promise<IssuedCertificate> {
    await this.ensureCreated();
    return this.answer(this.load(caRequestId));
  }

  async approve(caRequestId: string): Promise<IssuedCertificate> {
    await this.ensureCreated();
    return this.change((tx) => {
      const record = this.load(caRequestId, tx);
      if (record.status !== 'Pending') return this.answer(record);
      const issued = this.sign(record, parseCsr(record.csr));
      this.save(tx, issued);
      return this.answer(issued);
    });
  }

  async deny(caRequestId: string, reason: string): Promise<IssuedCertificate> {
    await this.ensureCreated();
    return this.change((tx) => {
      const record = this.load(caRequestId, tx);
      if (record.status !== 'Pending')
        throw new CertError('InvalidArgument', `Request ${caRequestId} of CA '${this.name}' is ${record.status}, not Pending.`, { target: caRequestId });
      const denied = { ...record, status: 'Denied' as const, reason };
      this.save(tx, denied);
      return this.answer(denied);
    });
  }

  /** A change of the CA's records on its own: one store transaction. */
  private async change<T>(work: (tx: StoreTransaction) => T): Promise<T> {
    const store = await openStore(this.env.storeRoot, this.env);
    return store.transaction(async (tx) => work(tx));
  }

  async pending(): Promise<PendingCaRequest[]> {
    const folder = join(this.directory, 'requests');
    if (!existsSync(folder)) return [];
    return readdirSync(folder).filter((n) => n.endsWith('.json')).map((n) => this.load(n.slice(0, -5)))
      .filter((r) => r.status === 'Pending')
      .map((r) => { const csr = parseCsr(r.csr); return { caRequestId: r.id, subject: csr.subject, sans: csr.sans, template: r.template, submittedAt: new Date(r.submittedAt) }; })
      .sort((a, b) => Number(a.caRequestId) - Number(b.caRequestId));
  }

  async describe(): Promise<AuthorityDescription> {
    const { root } = await this.ensureCreated();
    const store = await openStore(this.env.storeRoot, this.env);
    return { identity: this.name, kind: this.kind, policy: this.policy,
      trusted: (await store.get(thumbprintOf(root), 'Root')) !== undefined,
      rootCertificatePath: join(this.directory, 'root.pem'), issuingCertificatePath: join(this.directory, 'issuing.pem') };
  }

  /** The root and issuing certificates, creating the CA (once, across processes) on first use. */
  async ensureCreated(): Promise<CaMaterial> {
    if (this.material) return this.material;
    const cached = created.get(this.directory);
    // Still there: a script or a long-lived shell may have deleted the store since (Remove-Item takes no lock, so even a lease does not rule it out).
    if (cached && existsSync(join(this.directory, 'issuing.pem'))) return (this.material = cached);
    const store = await openStore(this.env.storeRoot, this.env);   // creates the store on first use
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const isNew = await this.lock(async () => {
      if (existsSync(join(this.directory, 'issuing.pem'))) return false;
      await this.create();
      return true;
    });
    this.material = this.loadMaterial();
    created.set(this.directory, this.material);
    if (isNew && this.settings.trust !== false) {
      await store.transaction(async (tx) => {
        await tx.add('Root', this.material!.root);
        await tx.add('CA', this.material!.issuing);
      });
    }
    return this.material;
  }

  private async create(): Promise<void> {
    const alg = this.settings.keyAlg ?? 'RSA';
    const [rootKey, issuingKey] = await Promise.all([generateKey({ alg, size: 2048 }), generateKey({ alg, size: 2048 })]);
    const label = this.name.split('\\').pop() || this.name;
    const rootName = encodeName({ commonName: `${label} Root`, organization: 'cscert' });
    const issuingName = encodeName({ commonName: label, organization: 'cscert' });
    const notBefore = new Date(this.now().getTime() - DAY_MS);
    const random = this.env.randomBytes ?? nodeRandomBytes;
    const root = createCertificate({ subjectDer: rootName, spki: spkiDer(rootKey.publicKey), selfSignKey: rootKey.privateKey,
      notBefore, notAfter: addYears(notBefore, 20), ca: {}, randomBytes: random });
    const issuing = createCertificate({ subjectDer: issuingName, spki: spkiDer(issuingKey.publicKey),
      issuer: { subjectDer: rootName, spki: spkiDer(rootKey.publicKey), privateKey: rootKey.privateKey },
      notBefore, notAfter: addYears(notBefore, 10), ca: { pathLength: 0 }, randomBytes: random });
    mkdirSync(join(this.directory, 'requests'), { recursive: true, mode: 0o700 });
    const passphrase = this.env.keyPassphrase;
    atomicWrite(join(this.directory, 'root.key.pem'), encodeKey(rootKey.privateKey, passphrase), 0o600);
    atomicWrite(join(this.directory, 'issuing.key.pem'), encodeKey(issuingKey.privateKey, passphrase), 0o600);
    atomicWrite(join(this.directory, 'root.pem'), toPem('CERTIFICATE', root));
    atomicWrite(join(this.directory, 'issuing.pem'), toPem('CERTIFICATE', issuing));   // last: its presence means "created"
  }

  private loadMaterial(): CaMaterial {
    const read = (file: string) => readIfExists(join(this.directory, file));
    const root = read('root.pem'), issuing = read('issuing.pem'), key = read('issuing.key.pem');
    if (!root || !issuing || !key) throw new CertError('Failed', `The embedded CA '${this.name}' is incomplete in ${this.directory}.`, { target: this.name });
    const issuingDer = fromPem(issuing.toString(), 'CERTIFICATE');
    const parts = tbsParts(issuingDer);
    return { root: fromPem(root.toString(), 'CERTIFICATE'), issuing: issuingDer,
      issuingKey: decodeKey(key, this.env.keyPassphrase, `CA ${this.name}`, this.env.keyPassphraseEnv),
      issuer: { subjectDer: Buffer.from(parts.subject.raw), spki: Buffer.from(parts.spki.raw), notAfter: parseCertificate(issuingDer).notAfter } };
  }

  /** Issues the certificate for a request record, from its CSR already parsed and checked. */
  private sign(record: CaRequestRecord, csr: ParsedCsr): CaRequestRecord {
    const { issuer, issuingKey } = this.material!;
    const notBefore = new Date(this.now().getTime() - 3_600_000);   // an hour of slack for skewed clocks
    const wanted = new Date(notBefore.getTime() + (this.settings.validityDays ?? 730) * DAY_MS);
    const notAfter = wanted > issuer.notAfter ? issuer.notAfter : wanted;
    const profile = templateProfile(record.template, this.settings.templates)!;
    const certificate = createCertificate({ subjectDer: csr.subjectDer, spki: csr.spki, sans: csr.sans,
      issuer: { subjectDer: issuer.subjectDer, spki: issuer.spki, privateKey: issuingKey },
      notBefore, notAfter, ekus: ekusFor(profile, record.clientEku), aiaUrl: this.settings.aiaUrl, cdpUrl: this.settings.cdpUrl,
      randomBytes: this.env.randomBytes });
    return { ...record, status: 'Issued', certificate: toPem('CERTIFICATE', certificate) };
  }

  private answer(record: CaRequestRecord): IssuedCertificate {
    const { root, issuing } = this.material!;
    if (record.status === 'Issued') return { status: 'Issued', caRequestId: record.id, chain: [issuing, root],
      certificate: fromPem(record.certificate!, 'CERTIFICATE'), message: 'Certificate issued successfully.' };
    if (record.status === 'Denied') return { status: 'Denied', caRequestId: record.id, reason: record.reason ?? 'Denied by policy.',
      message: `The request ${record.id} was denied by '${this.name}': ${record.reason ?? 'Denied by policy.'}` };
    return { status: 'Pending', caRequestId: record.id,
      message: `The request ${record.id} is pending approval at '${this.name}'; the certificate is still being processed.` };
  }

  /**
   * The next free request number, read through the transaction (so through its batch, under the
   * store lock). state.json is only a hint, rewritten every 64 requests; uniqueness comes from
   * the existence check, and this process remembers where it got to and the hint it last saw,
   * so state.json is read once per process.
   */
  private nextRequestId(tx: StoreTransaction): string {
    const statePath = join(this.folder, 'state.json');
    let hint = stateHints.get(this.directory);
    if (hint === undefined) {
      hint = (JSON.parse(tx.fileAt(statePath)?.toString() ?? '{"nextRequestId":1}') as { nextRequestId: number }).nextRequestId;
      stateHints.set(this.directory, hint);
    }
    let id = Math.max(hint, nextIds.get(this.directory) ?? 1, tx.lastLoggedId(this.logPath) + 1);
    while (tx.idFileExists(this.recordPath(String(id)))) id++;
    nextIds.set(this.directory, id + 1);
    if (id - hint >= 64) { tx.putFile(statePath, JSON.stringify({ nextRequestId: id + 1 })); stateHints.set(this.directory, id + 1); }
    return String(id);
  }

  private recordPath(id: string): string { return join(this.folder, 'requests', `${id}.json`); }
  private get logPath(): string { return join(this.folder, 'requests', ISSUED_LOG); }

  /** A request record, from disk or (`tx`) through a change in progress: its file, else its line in the log. */
  private load(id: string, tx?: StoreTransaction): CaRequestRecord {
    if (!/^\d+$/.test(id)) throw new CertError('NotFound', `No request '${id}' at CA '${this.name}'.`, { target: id });
    const read = (path: string) => tx ? tx.fileAt(path) : readIfExists(join(this.env.storeRoot, path));
    const text = read(this.recordPath(id));
    if (text) return JSON.parse(text.toString()) as CaRequestRecord;
    const logged = tx ? tx.loggedAt<CaRequestRecord>(this.logPath, id) : loggedRecordOnDisk<CaRequestRecord>(join(this.env.storeRoot, this.logPath), id);
    if (!logged) throw new CertError('NotFound', `No request ${id} at CA '${this.name}'.`, { target: id });
    return logged;
  }

  /** A record that will change (pending) or was decided later is a file; one issued at once, a line of the log. */
  private save(tx: StoreTransaction, record: CaRequestRecord, issuedAtOnce = false): void {
    if (issuedAtOnce) tx.appendToFile(this.logPath, logLine(record));
    else tx.putFile(this.recordPath(record.id), JSON.stringify(record, null, 2));
  }
}

export const createLocalAuthority = (settings: Record<string, unknown>, env: DomainEnv, name: string) =>
  new LocalAuthority(name, settings as LocalAuthoritySettings, env);
