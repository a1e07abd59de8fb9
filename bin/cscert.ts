// Entry point: hands the command line and the process's streams to the host. Kept tiny so that
// start-up stays close to Node's own (see BENCHMARKS.md).
import { main } from '../lib/host/main.js';

main(process.argv.slice(2), {
  stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
}).then(code => { process.exitCode = code; }, (error: unknown) => {
  // Only a bug in cscert gets here: say so plainly, without a stack trace unless asked for.
  process.stderr.write(`cscert: internal error: ${(error as Error)?.message ?? error}\n` +
    (process.env.CSCERT_DEBUG ? `${(error as Error)?.stack}\n` : '  Hint: set CSCERT_DEBUG=1 for details, and report it.\n'));
  process.exitCode = 70;
});
