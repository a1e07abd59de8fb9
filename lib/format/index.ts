// lib/format: output objects, format records, errors and the other streams as console text, and
// the JSON and CSV conversions. The host and Out-String reach the formatter through this file.
// Imports lib/core and lib/engine (values, cmdlet types) only; never lib/host or lib/certs.

export { renderObjects, type RenderOptions } from './objects.js';
export { renderFormatted } from './formatted.js';
export { renderError, renderWarning, renderVerbose, renderDebug } from './errors.js';
export { registerView, findView, type ViewDefinition, type ViewProperty, type GroupBy } from './views.js';
export { toJson, toJsonWithInfo, isoDate, type ToJsonOptions } from './json.js';
export { fromJson, type FromJsonOptions } from './json-parse.js';
export { toCsv, parseCsvHeader, type ToCsvOptions, type CsvQuoting } from './csv.js';
