// Checks a converted argument against its parameter's validation: mandatory parameters refuse
// $null, '' and @() (PowerShell without AllowNull/AllowEmptyString); ValidateNotNullOrEmpty,
// ValidateRange and the definition's own `validate` give ParameterArgumentValidationError.
// Imports only lib/engine/cmdlet.

import type { ParameterDefinition } from '../cmdlet/index.js';
import { nullNotAllowed, validationError, type ErrorSite } from './errors.js';

// Asked for every value bound, pipeline objects included; a declaration does not change.
const mandatoryDefs = new WeakMap<ParameterDefinition, boolean>();
function isMandatory(def: ParameterDefinition): boolean {
  let mandatory = mandatoryDefs.get(def);
  if (mandatory === undefined) mandatoryDefs.set(def, mandatory = Object.values(def.sets).some(m => m.mandatory));
  return mandatory;
}

export function validateArgument(def: ParameterDefinition, value: unknown, site: ErrorSite): void {
  if (def.kind === 'switch') return;
  const nothingToCheck = !def.validateNotNullOrEmpty && !def.validateRange && !def.validate;
  if (nothingToCheck && !isMandatory(def)) return;
  const s = { ...site, target: value };
  if (isMandatory(def)) checkNotEmpty(def, value, s);
  if (def.validateNotNullOrEmpty) checkNotNullOrEmpty(value, s);
  if (def.validateRange && value !== null) {
    for (const v of Array.isArray(value) ? value : [value]) checkRange(def.validateRange, v, s);
  }
  if (def.validate && value !== null) {
    const why = def.validate(value);
    if (why) throw validationError(s, why);
  }
}

function checkNotEmpty(def: ParameterDefinition, value: unknown, s: ErrorSite) {
  if (value === null || value === undefined) throw nullNotAllowed(s, 'null');
  if (value === '' && def.kind === 'string') throw nullNotAllowed(s, 'an empty string');
  if (Array.isArray(value) && value.length === 0) throw nullNotAllowed(s, 'an empty array');
  if (Array.isArray(value) && value.some(v => v === null)) throw nullNotAllowed(s, 'null');
}

function checkNotNullOrEmpty(value: unknown, s: ErrorSite) {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.some(v => v === null || v === ''))
      throw validationError(s, 'The argument is null, empty, or an element of the argument collection contains ' +
        'a null value. Supply a collection that does not contain any null values and then try the command again.');
  } else if (value === null || value === '') {
    throw validationError(s, 'The argument is null or empty. Provide an argument that is not null or empty, ' +
      'and then try the command again.');
  }
}

function checkRange([min, max]: readonly [number, number], v: unknown, s: ErrorSite) {
  if (typeof v !== 'number') return;
  if (v < min) throw validationError(s, `The ${v} argument is less than the minimum allowed range of ${min}. ` +
    `Supply an argument that is greater than or equal to ${min} and then try the command again.`);
  if (v > max) throw validationError(s, `The ${v} argument is greater than the maximum allowed range of ${max}. ` +
    `Supply an argument that is less than or equal to ${max} and then try the command again.`);
}
