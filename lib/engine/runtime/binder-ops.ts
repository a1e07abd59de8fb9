// The one place the runtime reaches into lib/engine/binder (as value-ops.ts does for values).
// Imports only lib/engine/binder.
export { bindArguments, bindPipelineInput, NO_INPUT } from '../binder/index.js';
export type { Binding, CommandArgument, CommonArgs, PipelineBinding } from '../binder/api.js';
