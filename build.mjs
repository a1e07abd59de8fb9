// Build: bundles bin/cscert.ts and everything it reaches into dist/cscert-main.cjs (one CommonJS
// file: the fastest thing Node 20 starts), then warms a V8 code cache for it. dist/cscert.cjs is the
// small loader the `cscert` bin points at; see the start-up section of BENCHMARKS.md for why.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await build({
  entryPoints: ['bin/cscert.ts'],
  outfile: 'dist/cscert-main.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  // Libraries stay outside the bundle, read from node_modules only when a command loads them
  // (yargs alone was a third of the bundle; cosmiconfig would drag in TypeScript). The code imports
  // them with import(), which esbuild turns into require(): import() has no module loader in code
  // that runs from a V8 code cache (bin/loader.cjs), and Node >= 20.19 can require ESM-only yargs.
  external: ['yargs', 'node-forge', 'cosmiconfig', 'acme-client', 'table', 'typescript'],
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
copyFileSync('bin/loader.cjs', 'dist/cscert.cjs');
// Run once so that the functions a typical command compiles are in the cache too: an expression,
// the certificate store read by Get-CsCertificate, and a table on the console.
const warmUp = "1+1; Get-CsCertificate; Get-ChildItem Cert:\\LocalMachine\\My | Out-Null; Get-CsSipDomain | Format-Table | Out-String | Out-Null";
execFileSync(process.execPath, ['dist/cscert.cjs', '-c', warmUp], {
  env: { ...process.env, CSCERT_WRITE_CODE_CACHE: '1', CSCERT_STORE: 'dist/.warm-store' },
  stdio: 'ignore',
});
rmSync('dist/.warm-store', { recursive: true, force: true });
