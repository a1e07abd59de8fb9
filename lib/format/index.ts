// lib/format: output objects, format records, errors and the other streams as console text, and
// the JSON and CSV conversions. The host and Out-String reach the formatter through this file.
// Imports lib/core and lib/engine (values, cmdlet types) only; never lib/host or lib/certs.

export { renderObjects, sameRun, type RenderOptions } from './objects.js';
export { renderFormatted } from './formatted.js';
export { renderError, renderWarning, renderVerbose, renderDebug } from './errors.js';
export { registerView, findView, type ViewDefinition, type ViewProperty, type GroupBy } from './views.js';
export { toJson, toJsonWithInfo, isoDate, type ToJsonOptions } from './json.js';
export { fromJson, type FromJsonOptions } from './json-parse.js';
export { toCsv, parseCsvHeader, type ToCsvOptions, type CsvQuoting } from './csv.js';

import './views-certificates.js';   // the certificate cmdlets' default views
import { provideConversions } from '../core/text-conversions.js';
import { toJsonWithInfo as jsonWrite } from './json.js';
import { fromJson as jsonRead } from './json-parse.js';
import { toCsv as csvWrite, parseCsvHeader as csvHeader } from './csv.js';
// The conversion cmdlets may not import lib/format; they find these through lib/core.
provideConversions({ toJsonWithInfo: jsonWrite, fromJson: jsonRead, toCsv: csvWrite, parseCsvHeader: csvHeader });
