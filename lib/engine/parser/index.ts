// The parser's public face: parseScript() turns a file or command line into a ScriptBlockAst, or
// throws ParseErrors holding every error found; isIncompleteInput() tells the interactive shell
// to read another line. The parser only builds nodes (STYLE.md). Imports the lexer and lib/core.

import { ParseErrors } from '../../core/errors.js';
import { makeSource, type Source } from '../../core/span.js';
import type { ScriptBlockAst } from './ast.js';
import { parseScriptBlockBody, scriptBlock } from './blocks.js';
import { ParserState, type Problem } from './state.js';

export type * from './ast.js';

function parse(source: Source): { ast: ScriptBlockAst; problems: Problem[] } {
  const p = new ParserState(source);
  const body = parseScriptBlockBody(p, null);
  p.next('statement');   // the end of input, which carries any error found after the last token
  const ast = scriptBlock(body, source.text, source, 0, source.text.length);
  const problems = p.problems.sort((a, b) => (a.error.span?.start ?? 0) - (b.error.span?.start ?? 0));
  return { ast, problems };
}

export function parseScript(source: Source): ScriptBlockAst {
  const { ast, problems } = parse(source);
  if (problems.length) throw new ParseErrors(problems.map(x => x.error));
  return ast;
}

/** True when the text only lacks an ending: an open `{` `(` `@'` or string, a trailing `|`. */
export function isIncompleteInput(text: string): boolean {
  if (/(^|[^`])(``)*`[ \t]*\r?\n?$/.test(text)) return true;
  const { problems } = parse(makeSource('<interactive>', text));
  return problems.length > 0 && problems.every(x => x.incomplete);
}
