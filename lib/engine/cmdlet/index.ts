// The cmdlet declaration API: what cmdlets/ import from the engine.
export * from './define.js';
export * from './parameters.js';
export * from './context.js';
export * from './script-block.js';
