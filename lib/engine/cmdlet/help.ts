// Get-Help's text for a cmdlet, rendered from its declaration the way PowerShell lays out help:
// NAME, SYNOPSIS, SYNTAX (generated, see syntax.ts), DESCRIPTION, PARAMETERS with PowerShell's
// attribute table, INPUTS, OUTPUTS, NOTES, EXAMPLES ("--------- Example 1: title ---------") and
// RELATED LINKS; the view (default, -Detailed, -Full, -Examples, -Parameter) picks the sections.
// Pure: metadata in, text out. Imports only lib/engine/cmdlet.

import { COMMON_PARAMETERS, hostParameters, type CmdletDefinition } from './define.js';
import type { ParameterDefinition } from './parameters.js';
import { parameterSetNames, setMembership, syntaxParts, typeDisplayName } from './syntax.js';

export type HelpView = 'default' | 'detailed' | 'full' | 'examples';

export interface HelpOptions {
  view?: HelpView;
  /** -Parameter: show only these parameters (already matched against the user's wildcard). */
  parameters?: string[];
  /** Wrap prose at this many columns (the console width). */
  width?: number;
}

const INDENT = '    ';

/** The help text of a command, as one string. */
export function renderHelp(command: CmdletDefinition, options: HelpOptions = {}): string {
  const width = options.width ?? 80;
  if (options.parameters) return '\n' + renderParameters(command, options.parameters, true, width, '').join('\n') + '\n';
  const view = options.view ?? 'default';
  const sections = SECTIONS[view].map(section => section(command, width, view)).filter(s => s.length);
  return '\n' + sections.map(lines => lines.join('\n')).join('\n\n') + '\n';
}

type Section = (command: CmdletDefinition, width: number, view: HelpView) => string[];

const name: Section = c => ['NAME', INDENT + c.name];
const synopsis: Section = (c, w) => ['SYNOPSIS', ...wrap(c.synopsis, INDENT, w), ''];
const syntax: Section = (c, w) => ['SYNTAX',
  ...parameterSetNames(c).flatMap((set, i) => [...(i ? [''] : []), ...wrapWords(syntaxParts(c, set), INDENT, w)]), ''];
const description: Section = (c, w) => c.description ? ['DESCRIPTION', ...paragraphs(c.description, INDENT, w), ''] : [];
const parameters: Section = (c, w, view) =>
  ['PARAMETERS', ...renderParameters(c, allParameterNames(c), view === 'full', w)];
const inputs: Section = c => ['INPUTS', ...inputTypes(c).flatMap((t, i) => [...(i ? [''] : []), INDENT + t]), ''];
const outputs: Section = c => ['OUTPUTS', INDENT + (c.outputType ?? 'System.Object'), ''];
const notes: Section = (c, w) => c.notes ? ['NOTES', '', ...paragraphs(c.notes, INDENT, w), ''] : [];
const examples: Section = (c, w) => c.examples.flatMap((ex, i) => exampleLines(ex, i + 1, w));
const related: Section = c => ['RELATED LINKS', ...(c.related?.length ? c.related.map(r => INDENT + r) : [])];
const remarks: Section = c => ['REMARKS',
  `${INDENT}To see the examples, type: "Get-Help ${c.name} -Examples".`,
  `${INDENT}For more information, type: "Get-Help ${c.name} -Detailed".`,
  `${INDENT}For technical information, type: "Get-Help ${c.name} -Full".`];

const SECTIONS: Record<HelpView, Section[]> = {
  default: [name, synopsis, syntax, description, related, remarks],
  detailed: [name, synopsis, syntax, description, parameters, examples, remarks],
  full: [name, synopsis, syntax, description, parameters, inputs, outputs, notes, examples, related],
  examples: [name, synopsis, examples],
};

/** Declared parameters, then those the host adds (-Report, -WhatIf, -Confirm). */
export function allParameterNames(command: CmdletDefinition): string[] {
  return [...Object.keys(command.parameters), ...hostParameters(command)];
}

const SHOULD_PROCESS_DEFINITIONS: Record<string, ParameterDefinition> = {
  Report: { kind: 'string', array: false, aliases: [], sets: { __AllParameterSets: {} },
    help: 'Writes an HTML deployment log, and an XML twin, to this path.' },
  WhatIf: { kind: 'switch', array: false, aliases: ['wi'], sets: { __AllParameterSets: {} },
    help: 'Shows what would happen if the cmdlet runs. The cmdlet is not run.' },
  Confirm: { kind: 'switch', array: false, aliases: ['cf'], sets: { __AllParameterSets: {} },
    help: 'Prompts you for confirmation before running the cmdlet.' },
};

const definitionOf = (c: CmdletDefinition, n: string) => c.parameters[n] ?? SHOULD_PROCESS_DEFINITIONS[n];

/** The PARAMETERS entries; with `table`, PowerShell's Required?/Position?/... block under each. */
function renderParameters(c: CmdletDefinition, names: string[], table: boolean, width: number,
  indent = INDENT): string[] {
  const lines = names.flatMap(n => {
    const def = definitionOf(c, n);
    if (!def) return [];
    const type = def.kind === 'switch' ? '[<SwitchParameter>]' : `<${typeDisplayName(def)}>`;
    return [`${indent}-${n} ${type}`, ...wrap(def.help, indent + INDENT, width),
      ...(table ? ['', ...attributeTable(c, def, indent + INDENT)] : []), ''];
  });
  if (names.length === allParameterNames(c).length) lines.push(...commonParametersBlock(width));
  return lines;
}

function attributeTable(c: CmdletDefinition, def: ParameterDefinition, indent: string): string[] {
  const row = (label: string, value: string) => `${indent}${label.padEnd(29)}${value}`;
  return [
    row('Required?', required(c, def)),
    row('Position?', position(c, def)),
    row('Default value', def.defaultText ?? (def.kind === 'switch' ? 'False' : 'None')),
    row('Accept pipeline input?', pipelineInput(c, def)),
    row('Aliases', def.aliases.length ? def.aliases.join(', ') : 'none'),
    row('Accept wildcard characters?', 'false'),
  ];
}

/** The memberships of a parameter in each set it belongs to. */
const memberships = (c: CmdletDefinition, def: ParameterDefinition) =>
  parameterSetNames(c).flatMap(set => { const m = setMembership(def, set); return m ? [{ set, m }] : []; });

function required(c: CmdletDefinition, def: ParameterDefinition): string {
  const ms = memberships(c, def);
  if (ms.every(x => x.m.mandatory)) return ms.length ? 'true' : 'false';
  if (ms.every(x => !x.m.mandatory)) return 'false';
  return ms.map(x => `${x.m.mandatory ? 'true' : 'false'} (${x.set})`).join(', ');
}

function position(c: CmdletDefinition, def: ParameterDefinition): string {
  if (def.kind === 'switch') return 'named';
  const p = memberships(c, def).find(x => x.m.position !== undefined)?.m.position;
  return p === undefined ? 'named' : String(p);
}

function pipelineInput(c: CmdletDefinition, def: ParameterDefinition): string {
  const ms = memberships(c, def).map(x => x.m);
  const kinds = [ms.some(m => m.valueFromPipelineByPropertyName) && 'ByPropertyName',
    ms.some(m => m.valueFromPipeline) && 'ByValue'].filter(Boolean);
  return kinds.length ? `True (${kinds.join(', ')})` : 'False';
}

function commonParametersBlock(width: number): string[] {
  const list = [...COMMON_PARAMETERS];
  const text = `This cmdlet supports the common parameters: ${list.slice(0, -1).join(', ')}, and ${list.at(-1)}. ` +
    'For more information, see about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).';
  return [`${INDENT}<CommonParameters>`, ...wrap(text, INDENT + INDENT, width), ''];
}

function inputTypes(c: CmdletDefinition): string[] {
  const types = Object.values(c.parameters).filter(def =>
    memberships(c, def).some(x => x.m.valueFromPipeline || x.m.valueFromPipelineByPropertyName))
    .map(typeDisplayName);
  return types.length ? [...new Set(types)] : ['None'];
}

function exampleLines(ex: CmdletDefinition['examples'][number], n: number, width: number): string[] {
  return [`${INDENT}--------- Example ${n}: ${ex.title} ---------`, '',
    ...ex.code.split('\n').map(l => INDENT + l), '',
    ...(ex.remarks ? [...paragraphs(ex.remarks, INDENT, width), ''] : [])];
}

/** Prose split on blank lines, each paragraph wrapped. */
function paragraphs(text: string, indent: string, width: number): string[] {
  return text.split(/\n\s*\n/).flatMap((p, i) => [...(i ? [''] : []), ...wrap(p, indent, width)]);
}

/** Words wrapped to `width` columns after `indent`. */
export const wrap = (text: string, indent: string, width: number): string[] =>
  wrapWords(text.split(/\s+/).filter(Boolean), indent, width);

/** Words (which may contain spaces, like `[-Name <String>]`) wrapped to `width` columns. */
function wrapWords(words: string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) { lines.push(indent + line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
