// A minimal CmdletContext for calling a cmdlet's blocks directly: a session that knows the given
// commands, and errors collected instead of shown.
import type { ShellError } from '../../lib/core/errors.js';
import type { CmdletContext, CmdletDefinition, CommandInfo } from '../../lib/engine/cmdlet/index.js';

export interface FakeContext extends CmdletContext { errors: ShellError[] }

export function fakeContext(commands: CommandInfo[]): FakeContext {
  const errors: ShellError[] = [];
  const byName = (name: string) => commands.find(c => c.name.toLowerCase() === name.toLowerCase());
  const session = { commands: () => commands, command: byName } as unknown as CmdletContext['session'];
  return { errors, session, commandName: 'test', parameterSetName: '', writeError: (e: ShellError) => errors.push(e),
    isBound: () => false, now: () => new Date(2030, 0, 1) } as unknown as FakeContext;
}

export const cmdletInfo = (definition: CmdletDefinition, source = definition.module ?? 'SkypeForBusiness'): CommandInfo =>
  ({ name: definition.name, commandType: 'Cmdlet', definition, source });

/** Everything a block yielded. */
export async function run<A>(block: ((args: A, ctx: CmdletContext) => unknown) | undefined, args: A,
  ctx: CmdletContext): Promise<unknown[]> {
  const result = block!(args, ctx) as Iterable<unknown> | AsyncIterable<unknown> | Promise<void> | undefined;
  const out: unknown[] = [];
  if (result && (Symbol.iterator in result || Symbol.asyncIterator in result))
    for await (const item of result as AsyncIterable<unknown>) out.push(item);
  else await result;
  return out;
}
