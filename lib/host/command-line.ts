// Reads cscert's own command line (SPEC §2) without loading a library: a one-off command must
// start within 2.5x of a bare `node -e 0`, and yargs alone costs three times that to import.
// Anything this reader does not recognise goes to ./cli-help.ts, which loads yargs to explain it.
// Imports nothing from the engine.

export type OutputMode = 'text' | 'json';

export interface HostOptions {
  config?: string;
  store?: string;
  output: OutputMode;
  color: boolean | undefined;     // undefined: decide by the terminal and NO_COLOR
}

export type Invocation =
  | { mode: 'file'; path: string; args: string[] }
  | { mode: 'command'; text: string }           // -c '...'
  | { mode: 'oneOff'; text: string }            // Verb-Noun args...
  | { mode: 'stdinOrShell' }                    // nothing: a script on stdin, else the interactive shell
  | { mode: 'version' }
  | { mode: 'help' }
  | { mode: 'usageError'; message: string };

const VERB_NOUN = /^[A-Za-z]+-[A-Za-z][\w]*$/;

/** Splits argv (without node and the script) into cscert's options and what to run. */
export function readCommandLine(argv: readonly string[]): { options: HostOptions; invocation: Invocation } {
  const options: HostOptions = { output: 'text', color: undefined };
  const usage = (message: string) => ({ options, invocation: { mode: 'usageError', message } as Invocation });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--config': case '--store': {
        const v = value();
        if (v === undefined || v === '') return usage(`Option ${flag} needs a value.`);
        options[flag === '--config' ? 'config' : 'store'] = v;
        continue;
      }
      case '--output': case '-o': {
        const v = value()?.toLowerCase();
        if (v !== 'text' && v !== 'json') return usage(`Option --output takes 'text' or 'json', not '${v ?? ''}'.`);
        options.output = v;
        continue;
      }
      case '--no-color': options.color = false; continue;
      case '--color': options.color = true; continue;
      case '--version': case '-v': return { options, invocation: { mode: 'version' } };
      case '--help': case '-h': case '-?': return { options, invocation: { mode: 'help' } };
      case '-c': case '--command': case '-Command': {
        const rest = argv.slice(i + 1);
        if (rest.length === 0) return usage(`Option ${flag} needs the commands to run, e.g. cscert -c 'Get-CsCertificate'.`);
        return { options, invocation: { mode: 'command', text: rest.join(' ') } };
      }
      case '--':
        return { options, invocation: target(argv.slice(i + 1)) };
    }
    if (arg.startsWith('-') && arg.length > 1) return usage(`Unknown option '${arg}'.`);
    return { options, invocation: target(argv.slice(i)) };
  }
  return { options, invocation: { mode: 'stdinOrShell' } };
}

function target(rest: readonly string[]): Invocation {
  if (rest.length === 0) return { mode: 'stdinOrShell' };
  const [first, ...args] = rest;
  if (VERB_NOUN.test(first) && !/\.ps1$/i.test(first)) return { mode: 'oneOff', text: rejoinArguments(rest) };
  return { mode: 'file', path: first, args };
}

// A word the Unix shell already split is PowerShell text again only if it survives re-reading
// unchanged: bare words, parameter names, variables, and whole bracketed expressions stay as they
// are; anything else (spaces, quotes, semicolons) becomes a single-quoted string so it stays one
// argument with exactly the characters the user typed.
const SAFE_WORD = /^[\w\-.,:\\/=+*%~@!?]*[\w\-.,:\\/=+*%~!?]$/;
const VARIABLE = /^\$[\w:?]+$/;
const OPERATOR = /^(\||;|&&|\|\||>|>>|2>&1)$/;
const BRACKETED: Array<[string, string]> = [['{', '}'], ['(', ')'], ['@(', ')'], ['@{', '}'], ['$(', ')'], ['[', ']']];

export function rejoinArguments(words: readonly string[]): string {
  return words.map(quoteIfNeeded).join(' ');
}

function quoteIfNeeded(word: string): string {
  if (SAFE_WORD.test(word) || VARIABLE.test(word) || OPERATOR.test(word)) return word;
  if (/^-\w+:/.test(word)) {                                   // -Name:value keeps its colon form
    const colon = word.indexOf(':');
    return word.slice(0, colon + 1) + quoteIfNeeded(word.slice(colon + 1));
  }
  if (BRACKETED.some(([open, close]) => word.startsWith(open) && word.endsWith(close) && word.length > open.length)) return word;
  return `'${word.replace(/'/g, "''")}'`;
}
