// Who answers Read-Host and -Confirm in a run that is not the interactive shell (a script, `-c`,
// a one-off command). On a terminal, the user, asked there. Otherwise standard input, one line an
// answer (`printf 'y\nn\n' | cscert deploy.ps1`), the question echoed on stderr with the answer so
// a log shows both, and stdout keeps only output. Once standard input has ended there is no answer:
// the caller fails the command, as PowerShell -NonInteractive does, rather than taking it as a no.
// stdin is read only when a question comes. Imports lib/core and Node built-ins only.

import * as readline from 'node:readline';

export interface Prompts {
  /** A line, or undefined when none can be read. */
  readLine(prompt: string, options?: { secure?: boolean }): Promise<string | undefined>;
  /** Yes or no (an empty answer takes the default, Yes), or undefined when none can be read. */
  confirm(query: string, caption: string): Promise<boolean | undefined>;
  /** Lets go of stdin, so the process can end. */
  close(): void;
}

type Input = NodeJS.ReadableStream & { isTTY?: boolean; readableEnded?: boolean };
type Output = { write(text: string): unknown };

/** The confirmation prompt as PowerShell's console host shows it. */
export const confirmText = (query: string, caption: string) =>
  `${caption}\n${query}\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  (default is "Y"): `;

const isYes = (answer: string) => /^(y|a)/i.test(answer.trim() || 'y');

/** No answers at all: standard input was the script itself, or a test without a user. */
export const noAnswers: Prompts = {
  readLine: async () => undefined,
  confirm: async () => undefined,
  close: () => {},
};

/** Answers from `stdin`: the terminal's user when it is one (asked on `terminal`), else its lines. */
export function answersFrom(stdin: Input, terminal: Output, log: Output): Prompts {
  const lines = stdin.isTTY ? terminalLines(stdin, terminal) : pipedLines(stdin, log);
  return {
    readLine: (prompt, options) => lines.next(prompt, options?.secure === true),
    confirm: async (query, caption) => {
      const answer = await lines.next(`\n${confirmText(query, caption)}`, false);
      return answer === undefined ? undefined : isYes(answer);
    },
    close: () => lines.close(),
  };
}

interface LineSource { next(prompt: string, secret: boolean): Promise<string | undefined>; close(): void }

/** Questions asked on the terminal (as the interactive shell asks them); Ctrl+D ends the input. */
function terminalLines(stdin: Input, terminal: Output): LineSource {
  let rl: readline.Interface | undefined;
  let pending: ((line: string | undefined) => void) | undefined;
  let ended = false;
  const start = () => readline.createInterface({ input: stdin, output: terminal as NodeJS.WritableStream, terminal: true })
    .on('close', () => { ended = true; pending?.(undefined); pending = undefined; });
  return {
    next: prompt => new Promise(answer => {
      if (ended) { answer(undefined); return; }
      rl ??= start();
      pending = answer;
      rl.question(prompt, line => { pending = undefined; answer(line); });
    }),
    close: () => { rl?.close(); },
  };
}

/** Lines of a pipe or file, handed out one per question; a secret is not echoed to the log. */
function pipedLines(stdin: Input, log: Output): LineSource {
  const waiting: Array<(line: string | undefined) => void> = [];
  const ready: string[] = [];
  let rl: readline.Interface | undefined;
  let ended = Boolean(stdin.readableEnded);
  const start = () => readline.createInterface({ input: stdin, terminal: false })
    .on('line', line => { const take = waiting.shift(); if (take) take(line); else ready.push(line); })
    .on('close', () => { ended = true; for (const take of waiting.splice(0)) take(undefined); });
  const nextLine = (): Promise<string | undefined> | string | undefined => {
    if (ready.length) return ready.shift();
    if (ended) return undefined;
    rl ??= start();
    return new Promise(take => waiting.push(take));
  };
  return {
    next: async (prompt, secret) => {
      log.write(prompt);
      const line = await nextLine();
      log.write(line === undefined || secret ? '\n' : `${line}\n`);
      return line;
    },
    close: () => { rl?.close(); },
  };
}
