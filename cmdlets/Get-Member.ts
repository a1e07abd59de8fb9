// Get-Member: the properties and methods of the pipeline objects, one set of MemberDefinition
// objects (TypeName, Name, MemberType, Definition) per distinct type, in the order the engine's
// member table (listMembers) gives: methods, then properties, each by kind and name.

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, defineEnum, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { listMembers, typeNameOf, wildcardToRegExp } from './shared/values.js';

export const MEMBER_DEFINITION_TYPE = 'Microsoft.PowerShell.Commands.MemberDefinition';

const MemberTypes = defineEnum('System.Management.Automation.PSMemberTypes', ['AliasProperty', 'CodeProperty',
  'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet', 'Method', 'CodeMethod', 'ScriptMethod',
  'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'All']);

function matchesType(memberType: string, wanted: readonly string[] | undefined): boolean {
  if (!wanted?.length) return true;
  return wanted.some(w => {
    const lw = w.toLowerCase(), lm = memberType.toLowerCase();
    if (lw === 'all') return true;
    if (lw === 'properties') return lm.endsWith('property');
    if (lw === 'methods') return lm.endsWith('method');
    return lw === lm;
  });
}

function describe(value: unknown, args: { Name?: string[]; MemberType?: string[] }): PSObject[] {
  const typeName = typeNameOf(value);
  const names = (args.Name ?? []).map(n => wildcardToRegExp(n));
  const members = listMembers(value)
    .filter(m => matchesType(m.memberType, args.MemberType) && (!names.length || names.some(r => r.test(m.name))));
  return members.map(m => new PSObject({ TypeName: typeName, Name: m.name, MemberType: m.memberType, Definition: m.definition },
    [MEMBER_DEFINITION_TYPE, 'System.Object']));
}

const seenTypes = new WeakMap<CmdletContext, Set<string>>();

const getMember = defineCmdlet({
  name: 'Get-Member',
  synopsis: 'Gets the properties and methods of objects.',
  description: 'Lists the members of the input objects: one list per distinct type, each member with its ' +
    'type name, name, member type and definition. -Name and -MemberType narrow the list.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['gm'],
  outputType: MEMBER_DEFINITION_TYPE,
  parameters: {
    InputObject: param.object({ help: 'The object whose members are listed; usually piped in.', pipeline: 'value' }),
    Name: param.strings({ help: 'Only members with these names (wildcards allowed).', position: 0 }),
    MemberType: param.enumArray(MemberTypes, { help: 'Only members of these kinds, e.g. Property, NoteProperty, Method.',
      aliases: ['Type'] }),
    View: param.string({ help: 'Accepted for compatibility; every member is shown.' }),
    Force: param.switch({ help: 'Accepted for compatibility; hidden members are not listed.' }),
  },
  examples: [
    { title: 'The note properties of an object',
      code: "[pscustomobject]@{Name='x'; Size=1} | Get-Member -MemberType NoteProperty | ForEach-Object Name", output: ['Name', 'Size'] },
  ],
  related: ['Select-Object', 'ForEach-Object'],

  begin(_args, ctx) { seenTypes.set(ctx, new Set()); },

  *process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;
    const value = args.InputObject ?? null;
    if (value === null) return;
    const seen = seenTypes.get(ctx)!, typeName = typeNameOf(value);
    if (seen.has(typeName)) return;
    seen.add(typeName);
    yield* describe(value, args);
  },

  end(_args, ctx) {
    const seen = seenTypes.get(ctx);
    seenTypes.delete(ctx);
    if (!seen?.size)
      throw new ShellError('NoObjectInGetMember', 'CloseError', 'You must specify an object for the Get-Member cmdlet.',
        { hint: "Pipe an object to it, or pass one with -InputObject." });
  },
});

export default getMember;
