// `cscert --help` and usage errors. yargs renders the usage text; it is loaded only here, never on
// the path of a command that runs (importing yargs 18 costs three times Node's own start-up).

import type { ProcessIO } from './main.js';
import { VERSION } from './version.js';

const USAGE = `Usage:
  cscert [options] <script.ps1> [arguments]   run a script file
  cscert [options] -c '<commands>'            run commands given as text
  cscert [options] <Verb-Noun> [arguments]    run one command, e.g. cscert Get-CsCertificate -Type Default
  cscert [options]                            a script on standard input, or the interactive shell on a terminal`;

export async function explainCommandLine(argv: readonly string[], problem: string | undefined, io: ProcessIO): Promise<number> {
  const { default: yargs } = await import('yargs');
  const parser = yargs([]).scriptName('cscert').usage(USAGE)
    .option('config', { type: 'string', describe: 'Configuration file (else searched from here up, or CSCERT_CONFIG)' })
    .option('store', { type: 'string', describe: 'Certificate store directory (overrides the configuration and CSCERT_STORE)' })
    .option('output', { alias: 'o', choices: ['text', 'json'], describe: 'json: output objects as one JSON array' })
    .option('no-color', { type: 'boolean', describe: 'No colours (also NO_COLOR=1)' })
    .option('c', { alias: 'command', type: 'string', describe: 'Run the rest of the line as commands' })
    .example("cscert Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign", 'request and assign on the defaults')
    .example("cscert -c 'Get-CsCertificate | Format-List'", 'a pipeline')
    .example('cscert deploy.ps1', 'run a deployment script')
    .example("cscert Get-Help Set-CsCertificate -Examples", 'help on a cmdlet')
    .epilog(`Exit code: 0 on success; 1 after a parse or terminating error, or when the last command of -c or a one-off failed; exit N sets N; 64 for a bad command line.\ncscert ${VERSION}`)
    .version(false).help(false).wrap(Math.min(110, io.stdout.columns ?? 100));
  const help = await parser.getHelp();
  if (problem === undefined) { io.stdout.write(help + '\n'); return 0; }
  io.stderr.write(`cscert: ${problem}\n  Hint: see 'cscert --help'; cscert's options come before the script or command.\n`);
  void argv;
  return 64;
}
