// Real certification authorities for the specs, started on 127.0.0.1 and stopped by process id:
// pebble (ACME) with pebble-challtestsrv as its DNS server, and `cfssl serve` (CFSSL). Nothing
// listens beyond the loopback address: the suite writes its own configs (Debian's example binds
// 0.0.0.0) and a throw-away TLS certificate for pebble, picks free ports, waits until a server
// answers, and stops it in after(). A missing binary skips the caller's tests with what to
// install, or fails them when CI is set (`requireBinaries`).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'node:https';
import { tempDir } from '../certs/helpers.js';

export interface RunningServer { dir: string; stop(): void }

/** What a server printed so far (the last 200,000 characters). */
export interface Logged { log(): string }

export interface Pebble extends RunningServer, Logged {
  directory: string;
  /** CA file that trusts pebble's TLS certificate (made by the suite). */
  tlsCaFile: string;
  /** The port pebble's validation authority calls for http-01 (cscert's responder listens there). */
  httpPort: number;
  /** pebble-challtestsrv's management API (set-txt, clear-txt) and its DNS port. */
  dnsManagement: string;
  /** The current root and intermediate, PEM, from the management port. */
  root(): Promise<string>;
  intermediate(): Promise<string>;
}

export interface Cfssl extends RunningServer {
  url: string;
  rootPem: string;
  rootFile: string;
  /** Hex HMAC key when started with auth. */
  authKey?: string;
}

/** Skips (or, under CI, fails) the calling suite when a server binary is missing. */
export function requireBinaries(context: Mocha.Context, binaries: string[], install: string): void {
  const missing = binaries.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
  if (!missing.length) return;
  const message = `${missing.join(', ')} not found: install with \`${install}\``;
  if (process.env.CI) throw new Error(`${message} (required when CI is set)`);
  console.warn(`      skipped: ${message}`);
  context.skip();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throw-away CA and a localhost/127.0.0.1 certificate it signed, made with openssl. */
export function makeLocalhostTls(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const run = (args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run(['req', '-x509', ...ec, '-keyout', 'tls-ca.key', '-out', 'tls-ca.pem', '-days', '2', '-subj', '/CN=cscert test TLS CA']);
  run(['req', ...ec, '-keyout', 'tls.key', '-out', 'tls.csr', '-subj', '/CN=localhost']);
  writeFileSync(join(dir, 'tls.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run(['x509', '-req', '-in', 'tls.csr', '-CA', 'tls-ca.pem', '-CAkey', 'tls-ca.key', '-CAcreateserial', '-days', '2',
    '-extfile', 'tls.ext', '-out', 'tls.pem']);
  return { caFile: join(dir, 'tls-ca.pem'), certFile: join(dir, 'tls.pem'), keyFile: join(dir, 'tls.key') };
}

/** Starts a process whose output is kept for error messages; it is stopped by its pid. */
function startProcess(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => { output = (output + chunk).slice(-200_000); });
  child.stderr!.on('data', (chunk) => { output = (output + chunk).slice(-200_000); });
  return { child, output: () => output };
}

const stopProcess = (child: ChildProcess) => { if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGTERM'); };

/** Polls `probe` until it resolves true, for at most `limitMs`; fails with the server's output. */
async function waitUntil(name: string, probe: () => Promise<boolean>, child: ChildProcess, output: () => string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${output().slice(-4000)}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  stopProcess(child);
  throw new Error(`${name} did not answer within ${limitMs} ms: ${output().slice(-4000)}`);
}

/** GET over HTTPS trusting only `caFile`. */
export function httpsGet(url: string, caFile: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: new Agent({ ca: readFileSync(caFile) }) }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk) => { body += chunk; }).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

export interface PebbleOptions {
  /** kid → base64url HMAC key; when given, accounts must bind to one of them. */
  eab?: Record<string, string>;
}

/** pebble and its DNS server (every name resolves to 127.0.0.1), both on free loopback ports. */
export async function startPebble(options: PebbleOptions = {}): Promise<Pebble> {
  const temp = tempDir('cscert-pebble-');
  const dir = temp.path;
  const tls = makeLocalhostTls(dir);
  const [acmePort, managementPort, httpPort, tlsPort, dnsPort, dnsManagementPort] =
    await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const dns = startProcess('pebble-challtestsrv', ['-dns01', `127.0.0.1:${dnsPort}`, '-management', `127.0.0.1:${dnsManagementPort}`,
    '-http01', '', '-https01', '', '-tlsalpn01', '', '-defaultIPv4', '127.0.0.1', '-defaultIPv6', ''], { cwd: dir });
  const dnsManagement = `http://127.0.0.1:${dnsManagementPort}`;
  await waitUntil('pebble-challtestsrv', async () => (await fetch(`${dnsManagement}/clear-txt`, { method: 'POST',
    body: JSON.stringify({ host: 'probe.invalid.' }) })).ok, dns.child, dns.output);
  const config = { pebble: { listenAddress: `127.0.0.1:${acmePort}`, managementListenAddress: `127.0.0.1:${managementPort}`,
    certificate: tls.certFile, privateKey: tls.keyFile, httpPort, tlsPort, ocspResponderURL: '',
    externalAccountBindingRequired: Boolean(options.eab), ...(options.eab ? { externalAccountMACKeys: options.eab } : {}) } };
  writeFileSync(join(dir, 'pebble-config.json'), JSON.stringify(config, null, 2));
  // NOSLEEP: validate at once rather than after a random 0-15 s; NONCEREJECT=0: no random badNonce
  // answers, so a run does the same requests every time.
  const pebble = startProcess('pebble', ['-config', 'pebble-config.json', '-dnsserver', `127.0.0.1:${dnsPort}`],
    { cwd: dir, env: { PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0' } });
  const directory = `https://127.0.0.1:${acmePort}/dir`;
  const stop = () => { stopProcess(pebble.child); stopProcess(dns.child); temp.remove(); };
  try {
    await waitUntil('pebble', async () => (await httpsGet(directory, tls.caFile)).status === 200, pebble.child, pebble.output);
  } catch (error) { stop(); throw error; }
  const management = (path: string) => async () => {
    const answer = await httpsGet(`https://127.0.0.1:${managementPort}${path}`, tls.caFile);
    if (answer.status !== 200) throw new Error(`pebble ${path}: HTTP ${answer.status}`);
    return answer.body;
  };
  return { dir, directory, tlsCaFile: tls.caFile, httpPort, dnsManagement, stop, log: pebble.output,
    root: management('/roots/0'), intermediate: management('/intermediates/0') };
}

export interface CfsslOptions {
  /** Require the HMAC auth key (authsign); the suite makes a random one. */
  auth?: boolean;
}

/** `cfssl serve` with a CA the suite makes (openssl, P-256); profiles `server`, `client-server`, and `restricted` (www.example.com only). */
export async function startCfssl(options: CfsslOptions = {}): Promise<Cfssl> {
  const temp = tempDir('cscert-cfssl-');
  const dir = temp.path;
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=cscert test CFSSL Root/O=Litware',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], { cwd: dir, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  const authKey = options.auth ? randomBytes(16).toString('hex') : undefined;
  const withAuth = (profile: object) => (authKey ? { ...profile, auth_key: 'primary' } : profile);
  const server = { usages: ['signing', 'digital signature', 'key encipherment', 'server auth'], expiry: '8760h' };
  const config = { signing: {
    default: withAuth(server),
    profiles: { server: withAuth(server), 'client-server': withAuth({ ...server, usages: [...server.usages, 'client auth'] }),
      restricted: withAuth({ ...server, name_whitelist: '^www\\.example\\.com$' }) },
  }, ...(authKey ? { auth_keys: { primary: { type: 'standard', key: authKey } } } : {}) };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  const port = await freePort();
  const cfssl = startProcess('cfssl', ['serve', '-address', '127.0.0.1', '-port', String(port), '-ca', 'ca.pem', '-ca-key', 'ca-key.pem',
    '-config', 'config.json', '-loglevel', '2'], { cwd: dir });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('cfssl serve', async () => (await fetch(`${url}/api/v1/cfssl/info`, { method: 'POST', body: '{}' })).ok, cfssl.child, cfssl.output);
  const rootFile = join(dir, 'ca.pem');
  return { dir, url, rootFile, rootPem: readFileSync(rootFile, 'utf8'), authKey, stop: () => { stopProcess(cfssl.child); temp.remove(); } };
}

/** A plain HTTP server of the suite's own on 127.0.0.1, for CAs that answer garbage. */
export async function startHttpServer(handler: RequestListener): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
