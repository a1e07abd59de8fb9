// SPEC §5 secrets: private keys and passwords never appear in output, verbose text, reports,
// history or error messages, and keys can be encrypted at rest with a passphrase from the
// environment variable the configuration names. Real processes, real files: the test reads
// the key cscert made from the store, then greps everything cscert printed and wrote for it.

import { expect } from 'chai';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli, runOnTerminal, tempDir, type CliResult } from '../support/cli.js';
import { snapshot } from '../certs/helpers.js';

const PFX_PASSWORD = 'Pfx-S3cret!9';
const WRONG_PASSWORD = 'Wr0ng-Guess!7';

/** Text that would betray a key or a password: the markers, the key's base64 lines and its private scalar. */
function secretsOf(keyPem: string): string[] {
  const jwk = createPrivateKey(keyPem).export({ format: 'jwk' });
  const d = Buffer.from(jwk.d!, 'base64url');
  const body = keyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
  return ['PRIVATE KEY', PFX_PASSWORD, WRONG_PASSWORD, jwk.d!, d.toString('base64'), d.toString('hex').toUpperCase(), d.toString('hex'), ...body];
}

function leaks(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

describe('secrets', function () {
  this.timeout(60_000);

  describe('in what cscert prints, reports and remembers', () => {
    const dir = tempDir('cscert-secrets-');
    const env = cleanEnv(dir);
    const script = `$pw = ConvertTo-SecureString '${PFX_PASSWORD}' -AsPlainText -Force
$bad = ConvertTo-SecureString '${WRONG_PASSWORD}' -AsPlainText -Force
$r = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -PrivateKeyExportable $true -Verbose -Report request.html
Export-CsCertificate -Thumbprint $r.Thumbprint -Path out.pfx -Password $pw -Verbose -Report export.html
Export-CsCertificate -Thumbprint $r.Thumbprint -Path out.pem -Password $pw -Verbose
Import-CsCertificate -Path out.pfx -Password $pw -Verbose -Report import.html
Import-CsCertificate -Path out.pfx -Password $bad -Verbose -Report bad-import.html
Import-CsCertificate -Path out.pem -Password $bad -Verbose
Set-CsCertificate -Type Default -Thumbprint $r.Thumbprint -Verbose -Report assign.html
$pw; "$pw"; $pw | ConvertTo-Json
Get-ChildItem Cert:\\LocalMachine\\My | Format-List *
Get-ChildItem Cert:\\LocalMachine\\My | ConvertTo-Json -Depth 4
Get-CsCertificateStatus -Thumbprint $r.Thumbprint | Format-List *
Get-CsCertificate | Format-List *`;
    let text: CliResult, json: CliResult, secrets: string[];

    before(async () => {
      text = runCli(['-c', script], { env, cwd: dir });
      json = runCli(['--output', 'json', '-c', 'Get-ChildItem Cert:\\LocalMachine\\My; Get-CsCertificate; Request-CsCertificate -List'], { env, cwd: dir });
      await runOnTerminal([{ expect: 'PS .*> ' }, { send: `$pw = ConvertTo-SecureString '${PFX_PASSWORD}' -AsPlainText -Force\r` },
        { expect: 'PS .*> ' }, { send: '$r = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -PrivateKeyExportable $true\r' },
        { expect: 'PS .*> ' }, { send: 'Export-CsCertificate -Thumbprint $r.Thumbprint -Path again.pfx -Password $pw -Verbose\r' },
        { expect: 'PS .*> ' }, { send: 'Write-Output history-was-written\r' }, { expect: 'PS .*> ' }, { send: 'exit\r' }], { env, cwd: dir });
      const my = join(env.CSCERT_STORE!, 'My');
      const keys = readdirSync(my).filter((name) => name.endsWith('.key.pem'));
      expect(keys).to.have.length(2);
      secrets = keys.flatMap((name) => secretsOf(readFileSync(join(my, name), 'utf8')));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('ran every step, the failing imports as WrongPassword errors', () => {
      expect(existsSync(join(dir, 'out.pfx')) && existsSync(join(dir, 'again.pfx'))).to.equal(true);
      expect(text.stderr.match(/\[WrongPassword\]/g)).to.have.length(2);
      expect(text.stderr).to.contain('VERBOSE:');
    });

    it('keeps the key and the passwords out of standard output, verbose text and error messages', () => {
      expect(leaks(text.stdout, secrets)).to.deep.equal([]);
      expect(leaks(text.stderr, secrets)).to.deep.equal([]);
      expect(leaks(json.stdout + json.stderr, secrets)).to.deep.equal([]);
    });

    it('keeps them out of the HTML and XML reports', () => {
      const reports = readdirSync(dir).filter((name) => /\.(html|xml)$/.test(name));
      expect(reports).to.have.length(10);
      for (const name of reports) expect(leaks(readFileSync(join(dir, name), 'utf8'), secrets), name).to.deep.equal([]);
    });

    it('keeps them out of the history file, which holds the other lines', () => {
      const history = readFileSync(env.CSCERT_HISTORY!, 'utf8');
      expect(history).to.contain('history-was-written');
      expect(leaks(history, secrets)).to.deep.equal([]);
    });

    it('keeps an inline plain-text password out of the report\'s copy of the command line', () => {
      const inline = runCli(['-c', `$c = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -PrivateKeyExportable $true; Export-CsCertificate -Thumbprint $c.Thumbprint -Path inline.pfx -Password (ConvertTo-SecureString '${PFX_PASSWORD}' -AsPlainText -Force) -Report inline.html`], { env, cwd: dir });
      expect(inline.status, inline.stderr).to.equal(0);
      expect(leaks(readFileSync(join(dir, 'inline.html'), 'utf8') + readFileSync(join(dir, 'inline.xml'), 'utf8'), secrets)).to.deep.equal([]);
    });
  });

  describe('at rest, with the passphrase in the variable the configuration names', () => {
    const dir = tempDir('cscert-at-rest-');
    const config = join(dir, 'cscert.yaml');
    const passphrase = 'At-Rest-Passphrase-42';
    const env = (value?: string) => cleanEnv(dir, { CSCERT_STORE: '', ...(value === undefined ? {} : { STORE_KEYS: value }) });
    const cli = (args: string[], value?: string) => runCli(['--config', config, ...args], { env: env(value), cwd: dir });
    const keyFiles = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.key.pem'));
    const store = join(dir, 'store');
    let request: CliResult;

    before(() => {
      writeFileSync(config, `store: ./store\nkeyPassphraseEnv: STORE_KEYS\ndefaults: { keyAlg: ECDH_P256, privateKeyExportable: true }\n`);
      request = cli(['-c', 'Request-CsCertificate -New -Type Default -Assign | Select-Object -ExpandProperty Thumbprint'], passphrase);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('encrypts every private key on disk, the CA\'s too', () => {
      expect(request.status, request.stderr).to.equal(0);
      const files = keyFiles(store);
      expect(files.length).to.be.greaterThanOrEqual(3);   // the certificate's, the CA's root and issuing keys
      for (const name of files) {
        const pem = readFileSync(join(store, name), 'utf8');
        expect(pem, name).to.contain('BEGIN ENCRYPTED PRIVATE KEY');
        expect(pem, name).to.not.match(/BEGIN (EC |RSA )?PRIVATE KEY/);
      }
    });

    it('uses the keys with the right passphrase', () => {
      const run = cli(['-c', `Export-CsCertificate -Thumbprint ${request.stdout.trim()} -Path ok.pfx -Password (ConvertTo-SecureString 'x' -AsPlainText -Force); Request-CsCertificate -New -Type Default | Out-Null`],
        passphrase);
      expect(run.status, run.stderr).to.equal(0);
      expect(existsSync(join(dir, 'ok.pfx'))).to.equal(true);
    });

    // A missing passphrase is a different mistake from a wrong one, and says how to fix it.
    const refusals = [['missing', undefined, 'PassphraseMissing', /Set STORE_KEYS to/], ['wrong', 'not-the-passphrase', 'WrongPassword', /STORE_KEYS/]] as const;
    for (const [situation, value, id, says] of refusals) {
      it(`refuses a ${situation} passphrase with ${id} naming the variable, and leaves the store unchanged`, () => {
        const before = snapshot(store);
        for (const command of ['Request-CsCertificate -New -Type Default', `Export-CsCertificate -Thumbprint ${request.stdout.trim()} -Path no.pem -Password (ConvertTo-SecureString 'x' -AsPlainText -Force)`]) {
          const run = cli(['-c', command], value);
          expect(run.status).to.equal(1);
          expect(run.stderr).to.contain(`[${id}]`).and.match(says);
          expect(run.stderr).to.not.contain(passphrase);
          expect(run.stderr).to.not.match(/\n\s+at /);   // no stack trace
        }
        expect(snapshot(store)).to.deep.equal(before);
        expect(existsSync(join(dir, 'no.pem'))).to.equal(false);
      });
    }
  });
});
