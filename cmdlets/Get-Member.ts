// Get-Member: the properties and methods of the pipeline objects, one set of MemberDefinition
// objects (TypeName, Name, MemberType, Definition) per distinct type, in the order the engine's
// member table (listMembers) gives: methods, then properties, each by kind and name. -Static lists
// the static members of a type object ([math]) or of each object's type instead.

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, defineEnum, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { listMembers, listStaticMembers, staticTypeOf, typeNameOf, wildcardToRegExp } from './shared/values.js';

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

interface MemberArgs { Name?: string[]; MemberType?: string[]; Static?: boolean }

/** The type name the list is headed with, and so the key that lists each type once. */
const describedTypeName = (value: unknown, args: MemberArgs) =>
  args.Static ? String(staticTypeOf(value)) : typeNameOf(value);

function describe(value: unknown, args: MemberArgs): PSObject[] {
  const typeName = describedTypeName(value, args);
  const names = (args.Name ?? []).map(n => wildcardToRegExp(n));
  const members = (args.Static ? listStaticMembers(staticTypeOf(value)) : listMembers(value))
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
    Static: param.switch({ help: "Lists static members: of a type given as [math], or of each object's type." }),
    View: param.string({ help: 'Accepted for compatibility; every member is shown.' }),
    Force: param.switch({ help: 'Accepted for compatibility; hidden members are not listed.' }),
  },
  examples: [
    { title: 'The note properties of an object',
      code: "[pscustomobject]@{Name='x'; Size=1} | Get-Member -MemberType NoteProperty | ForEach-Object Name", output: ['Name', 'Size'] },
    { title: 'The static members of a type', code: '[math] | Get-Member -Static -Name Round | ForEach-Object Name', output: ['Round'] },
  ],
  related: ['Select-Object', 'ForEach-Object'],

  begin(_args, ctx) { seenTypes.set(ctx, new Set()); },

  *process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;
    const value = args.InputObject ?? null;
    if (value === null) return;
    const seen = seenTypes.get(ctx)!, typeName = describedTypeName(value, args);
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
