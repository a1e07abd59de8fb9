// The interactive shell (`cscert` on a terminal): a `PS path>` prompt, history kept across
// sessions, multi-line entry while a block or string is unfinished (`>>` prompt), Ctrl+C cancels
// the line being typed or stops the running command, Ctrl+D on an empty line exits, Tab completes.

import * as readline from 'node:readline';
import { makeSource } from '../core/span.js';
import { isIncompleteInput } from '../engine/parser/index.js';
import type { HostOptions } from './command-line.js';
import { complete } from './completion.js';
import { historyFile, loadHistory, saveToHistory } from './history.js';
import { consoleSink, type ProcessIO } from './main.js';
import { createSession } from './session.js';
import { VERSION } from './version.js';

export async function runInteractiveShell(options: HostOptions, io: ProcessIO): Promise<number> {
  const file = historyFile(io.env);
  const sink = consoleSink(options, io);
  let rl!: readline.Interface;
  const ask = (query: string) => new Promise<string>(done => rl.question(query, done));
  const { runspace, services } = createSession(options, io, sink, {
    isInteractive: true,
    readLine: prompt => ask(prompt ? `${prompt}: ` : ''),
    confirm: async (query, caption) => /^(y|a)/i.test(await ask(
      `\n${caption}\n${query}\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  (default is "Y"): `) || 'y'),
  });
  rl = readline.createInterface({
    input: io.stdin, output: io.stdout as NodeJS.WritableStream, terminal: true,
    history: loadHistory(file), historySize: 1000, removeHistoryDuplicates: true, tabSize: 4,
    completer: (line: string, callback: (err: null, result: [string[], string]) => void) => {
      const context = runspace.completionContext();
      complete(line, { commands: context.commands, variables: context.variables, cwd: runspace.cwd, services })
        .then(({ replaceFrom, candidates }) => callback(null, [candidates, line.slice(replaceFrom)]),
          () => callback(null, [[], line]));
    },
  });

  io.stdout.write(`cscert ${VERSION}: the Skype for Business certificate cmdlets. Type Get-Help for help, exit or Ctrl+D to leave.\n`);
  let buffer = '';
  let running = false;
  const prompt = () => { rl.setPrompt(buffer ? '>> ' : `PS ${runspace.cwd}> `); rl.prompt(); };

  rl.on('SIGINT', () => {
    if (running) { runspace.stop(); return; }
    // Cancel what was typed: the half-entered line and any unfinished block before it.
    buffer = '';
    const editor = rl as unknown as { line: string; cursor: number };
    editor.line = '';
    editor.cursor = 0;
    io.stdout.write('^C\n');
    prompt();
  });

  return new Promise<number>(done => {
    let exitCode = 0;
    rl.on('close', () => { io.stdout.write('\n'); done(exitCode); });
    rl.on('line', async line => {
      buffer = buffer ? `${buffer}\n${line}` : line;
      if (isIncompleteInput(buffer)) { prompt(); return; }
      const entry = buffer;
      buffer = '';
      if (!entry.trim()) { prompt(); return; }
      saveToHistory(file, entry);
      if (/^\s*exit\s*$/i.test(entry)) { rl.close(); return; }
      running = true;
      rl.pause();
      try {
        const result = await runspace.run(makeSource('<interactive>', entry));
        sink.finish();
        if (result.exitCode !== null) { exitCode = result.exitCode; rl.close(); return; }
      } finally {
        running = false;
      }
      rl.resume();
      prompt();
    });
    prompt();
  });
}
