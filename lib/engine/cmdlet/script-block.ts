// Script blocks are values (lib/engine/values/script-block.ts); cmdlets see them through this API.
// Imports only lib/engine/values.
export { ScriptBlock } from '../values/script-block.js';
