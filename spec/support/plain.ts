// Output objects as plain JSON-like values, for comparing with what an example or test expects.
import { Hashtable, PSObject } from '../../lib/core/values.js';

export function plain(value: unknown): unknown {
  if (value instanceof PSObject) return Object.fromEntries([...value.entries()].map(([k, v]) => [k, plain(v)]));
  if (value instanceof Hashtable) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value.toISOString();
  return value;
}
