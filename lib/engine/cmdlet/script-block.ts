// Script blocks are values (lib/engine/values/script-block.ts); cmdlets see them through this API.
export { ScriptBlock } from '../values/script-block.js';
