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
// the certificate store read by Get-CsCertificate, a table on the console, and the definition of
// a script function using most of the grammar (param block and attributes, splatting,
// if/elseif/else, foreach over a pipeline, switch, try/catch/finally, for, while, here-strings,
// casts, member calls): a script's first parse then runs the parser's bytecode from the cache
// instead of compiling each parsing function on first use (about 9% of the instructions of the
// 5,000-line parse in a fresh process). The function is defined, not called: calling it would
// cache the runtime's code too and grow the cache that every start-up deserialises (measured:
// +3% main-thread instructions for `cscert -c 1+1` defined, +4% called).
const grammar = String.raw`
function Test-Warm {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Pool, [string[]]$Type = @('Default', 'WebServicesInternal'), [int]$Days = 45, [switch]$Assign)
    $params = @{ New = $true; Type = $Type; FriendlyName = "Pool $Pool"; KeySize = 2048 }
    $ordered = [ordered]@{ A = 1; B = $Days * 2 + 1 }
    if ($Assign -and $Pool -like '*.litwareinc.com') {
        $result = Request-CsCertificate @params -Assign -Report "$env:TEMP\$Pool.html" 2>&1
    } elseif ($Pool.Length -gt 40) { throw "Pool name '$Pool' is too long" }
    else { $result = $null }
    foreach ($cert in Get-CsCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays($Days) }) {
        Write-Verbose ("{0} expires {1:yyyy-MM-dd}" -f $cert.Thumbprint, $cert.NotAfter)
        $list += , $cert.Thumbprint
    }
    <# block
       comment #>
    $text = @"
Pool $($Pool.ToUpper()) of $($Type.Count) types
"@
    $values = @(1..3 | ForEach-Object { $_ * 2 }) + [int[]](4, 5)
    $kind = switch -Wildcard ($Pool) { 'edge*' { 'edge' } default { 'frontend' } }
    try { $n = [int]$Pool.Split('.')[0] } catch { $n = -1 } finally { $done = $true }
    for ($i = 0; $i -lt 2; $i++) { $n += $values[$i] }
    while ($n -gt 100) { $n = $n / 2 }
    $label = if ($n -ge 0) { 'ok' } else { 'bad' }
    return "$kind $label $($ordered.B) $text".Length
}`;
const warmUp = "1+1; Get-CsCertificate; Get-ChildItem Cert:\\LocalMachine\\My | Out-Null; Get-CsSipDomain | Format-Table | Out-String | Out-Null" + grammar;
// A store with an assigned certificate, so the warm-up reads one as a one-off Get-CsCertificate does.
execFileSync(process.execPath, ['dist/cscert.cjs', '-c', 'Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -Assign | Out-Null'], {
  env: { ...process.env, CSCERT_STORE: 'dist/.warm-store' }, stdio: 'ignore',
});
execFileSync(process.execPath, ['dist/cscert.cjs', '-c', warmUp], {
  env: { ...process.env, CSCERT_WRITE_CODE_CACHE: '1', CSCERT_STORE: 'dist/.warm-store' },
  stdio: 'ignore',
});
rmSync('dist/.warm-store', { recursive: true, force: true });
