// The parameter binder: command-line arguments and pipeline objects in, a cmdlet's bound
// arguments out, with PowerShell's rules and error ids. The runtime imports this module only.
export type { Binding, CommandArgument, CommonArgs, PipelineBinding } from './api.js';
export { bindArguments, bindPipelineInput, NO_INPUT } from './bind.js';
export { ParameterTable, type ParameterEntry } from './parameter-table.js';
export { commonParametersOf, ACTION_PREFERENCE } from './common-parameters.js';
export { setNames, membership } from './parameter-sets.js';
