// The host: turns cscert's command line into a run (SPEC §2). A file, `-c` text, a one-off
// `Verb-Noun ...` command, a script on stdin, or the interactive shell on a terminal. Decides the
// exit code: `exit N` wins; else 1 when the run ended on a parse or terminating error, or (for -c
// and one-off commands) when the last statement failed; else 0.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeSource } from '../core/span.js';
import { readCommandLine, type HostOptions } from './command-line.js';
import { ConsoleSink, type TextStream } from './console-sink.js';
import { answersFrom, noAnswers, type Prompts } from './prompts.js';
import { createSession, type SessionIO } from './session.js';
import { VERSION } from './version.js';

export interface ProcessIO extends SessionIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: TextStream;
  stderr: TextStream;
}

export async function main(argv: readonly string[], io: ProcessIO): Promise<number> {
  const { options, invocation } = readCommandLine(argv);
  switch (invocation.mode) {
    case 'version':
      io.stdout.write(`cscert ${VERSION}\n`);
      return 0;
    case 'help': case 'usageError': {
      const { explainCommandLine } = await import('./cli-help.js');
      return explainCommandLine(argv, invocation.mode === 'usageError' ? invocation.message : undefined, io);
    }
    case 'file':
      return runFile(invocation.path, invocation.args, options, io);
    case 'command': case 'oneOff':
      return runText(invocation.mode === 'command' ? '<command>' : '<one-off>', invocation.text, options, io, true);
    case 'stdinOrShell':
      if (io.stdin.isTTY && io.stdout.isTTY) {
        const { runInteractiveShell } = await import('./repl.js');
        return runInteractiveShell(options, io);
      }
      return runText('<stdin>', await readAll(io.stdin), options, io, false, noAnswers);
  }
}

async function runFile(path: string, args: string[], options: HostOptions, io: ProcessIO): Promise<number> {
  const full = resolve(io.cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    io.stderr.write(`cscert: The script file '${path}' does not exist or cannot be read.\n` +
      `  Hint: check the path; a one-off command starts with a Verb-Noun cmdlet name, e.g. cscert Get-CsCertificate.\n`);
    return 1;
  }
  return run(makeSource(full, text), args, options, io, false);
}

const runText = (name: string, text: string, options: HostOptions, io: ProcessIO, lastStatementCounts: boolean,
  prompts?: Prompts) => run(makeSource(name, text), [], options, io, lastStatementCounts, prompts);

/** Read-Host and -Confirm answered from stdin (the terminal, or its lines); `prompts` when it was the script. */
async function run(source: ReturnType<typeof makeSource>, args: string[], options: HostOptions, io: ProcessIO,
  lastStatementCounts: boolean, prompts = answersFrom(io.stdin, io.stdout.isTTY ? io.stdout : io.stderr, io.stderr)): Promise<number> {
  const sink = consoleSink(options, io);
  const session = createSession(options, io, sink, {
    isInteractive: false,
    readLine: async (prompt, readOptions) => {
      const line = await prompts.readLine(prompt, readOptions);
      if (line === undefined) throw new Error('Standard input has ended.');
      return line;
    },
    confirm: prompts.confirm,
  });
  const result = await session.runspace.run(source, args).finally(() => prompts.close());
  sink.finish();
  if (result.exitCode !== null) return result.exitCode;
  if (result.terminatingError) return 1;
  return lastStatementCounts && !result.succeeded ? 1 : 0;
}

export function consoleSink(options: HostOptions, io: ProcessIO): ConsoleSink {
  const color = options.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  const width = io.stdout.columns || Number(io.env.COLUMNS) || 120;
  return new ConsoleSink(io.stdout, io.stderr, { color, width, json: options.output === 'json' });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}
