// The common parameters as ParameterDefinitions, with PowerShell's aliases (-ea, -vb, -wi...), so
// that the binder resolves, converts and reports them like any declared parameter. WhatIf, Confirm
// and Report exist only for cmdlets that declare changesState. Imports only lib/engine/cmdlet.

import { ALL_SETS, COMMON_PARAMETERS, hostParameters, SHOULD_PROCESS_PARAMETERS, type CmdletDefinition, type ParameterDefinition, type ParamKind }
  from '../cmdlet/index.js';

/** PowerShell's ActionPreference, in its declaration order. */
export const ACTION_PREFERENCE = ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break'];

type CommonName = typeof COMMON_PARAMETERS[number] | typeof SHOULD_PROCESS_PARAMETERS[number];

const SPECS: Record<CommonName, { kind: ParamKind; aliases: string[]; help: string }> = {
  Verbose: { kind: 'switch', aliases: ['vb'], help: 'Writes verbose messages about what the command does.' },
  Debug: { kind: 'switch', aliases: ['db'], help: 'Writes debug messages.' },
  ErrorAction: { kind: 'enum', aliases: ['ea'], help: 'What to do after a non-terminating error.' },
  WarningAction: { kind: 'enum', aliases: ['wa'], help: 'What to do after a warning.' },
  InformationAction: { kind: 'enum', aliases: ['infa'], help: 'What to do with information messages.' },
  ErrorVariable: { kind: 'string', aliases: ['ev'], help: 'A variable that receives the errors.' },
  WarningVariable: { kind: 'string', aliases: ['wv'], help: 'A variable that receives the warnings.' },
  InformationVariable: { kind: 'string', aliases: ['iv'], help: 'A variable that receives information messages.' },
  OutVariable: { kind: 'string', aliases: ['ov'], help: 'A variable that receives the output objects.' },
  OutBuffer: { kind: 'int', aliases: ['ob'], help: 'How many objects to buffer before passing them on.' },
  PipelineVariable: { kind: 'string', aliases: ['pv'], help: 'A variable that holds the current pipeline object.' },
  WhatIf: { kind: 'switch', aliases: ['wi'], help: 'Shows what would happen if the command runs. The command is not run.' },
  Confirm: { kind: 'switch', aliases: ['cf'], help: 'Prompts you for confirmation before running the command.' },
  Report: { kind: 'string', aliases: [], help: 'Writes an HTML deployment log, and an XML twin, to this path.' },
};

function definition(name: CommonName): ParameterDefinition {
  const s = SPECS[name];
  return { kind: s.kind, array: false, help: s.help, aliases: s.aliases, sets: { [ALL_SETS]: {} },
    ...(s.kind === 'enum' ? { values: ACTION_PREFERENCE, typeName: 'System.Management.Automation.ActionPreference' } : {}) };
}

const COMMON = new Map(COMMON_PARAMETERS.map(n => [n, definition(n)] as const));
const SHOULD_PROCESS = new Map(SHOULD_PROCESS_PARAMETERS.map(n => [n, definition(n)] as const));

/** The common parameters a command accepts, by name. */
export function commonParametersOf(command: Pick<CmdletDefinition, 'changesState' | 'report'>): ReadonlyMap<string, ParameterDefinition> {
  const added = hostParameters(command);
  return added.length ? new Map([...COMMON, ...added.map(n => [n, SHOULD_PROCESS.get(n)!] as const)]) : COMMON;
}
