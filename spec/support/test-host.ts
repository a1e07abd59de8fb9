// An in-process shell for tests: every cmdlet, a temporary working directory and store, the clock
// pinned at 2030-01-01, and every stream collected. `run(code)` returns what a user would see.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorRecord } from '../../lib/core/errors.js';
import { makeSource } from '../../lib/core/span.js';
import { ConsoleSink } from '../../lib/host/console-sink.js';
import { createSession } from '../../lib/host/session.js';
import { tempDir } from './cli.js';

export const PINNED_NOW = new Date('2030-01-01T00:00:00Z');

export interface TestRun {
  output: unknown[];             // the objects written to the output stream
  errors: ErrorRecord[];
  warnings: string[];
  verbose: string[];
  host: string[];                // Write-Host text
  text: string;                  // stdout as the console would show it
  stderr: string;
  exitCode: number | null;
  succeeded: boolean;
}

export interface TestHost { dir: string; env: NodeJS.ProcessEnv; run(code: string): Promise<TestRun> }

export interface TestHostOptions {
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** A user at a terminal who types this answer to every prompt and confirms every question. */
  user?: { answer: string };
}

export async function testHost(options: TestHostOptions = {}): Promise<TestHost> {
  const dir = tempDir('cscert-test-');
  mkdirSync(join(dir, 'work'));
  const env: NodeJS.ProcessEnv = { HOME: dir, CSCERT_STORE: join(dir, 'store'), PATH: process.env.PATH, ...options.env };
  return {
    dir, env,
    async run(code: string): Promise<TestRun> {
      const collected: TestRun = { output: [], errors: [], warnings: [], verbose: [], host: [], text: '', stderr: '', exitCode: null, succeeded: true };
      const stdout = { write: (s: string) => { collected.text += s; } };
      const stderr = { write: (s: string) => { collected.stderr += s; } };
      const sink = new ConsoleSink(stdout, stderr, { color: false, width: 120, json: false });
      const recording = Object.assign(Object.create(sink), {
        output: (v: unknown) => { collected.output.push(v); return sink.output(v); },
        error: (r: ErrorRecord) => { collected.errors.push(r); sink.error(r); },
        warning: (t: string) => { collected.warnings.push(t); sink.warning(t); },
        verbose: (t: string) => { collected.verbose.push(t); sink.verbose(t); },
        information: (t: string, o?: object) => { collected.host.push(t); sink.information(t, o); },
      });
      const { runspace } = createSession({ output: 'text', color: false }, { env, cwd: join(dir, 'work') }, recording,
        { isInteractive: Boolean(options.user), now: () => new Date((options.now ?? PINNED_NOW).getTime()),
          ...(options.user && { readLine: async () => options.user!.answer, confirm: async () => true }) });
      const result = await runspace.run(makeSource('<test>', code));
      sink.finish();
      collected.exitCode = result.exitCode;
      collected.succeeded = result.succeeded;
      return collected;
    },
  };
}
