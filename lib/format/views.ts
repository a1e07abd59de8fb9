// Default views by type name, PowerShell's *.format.ps1xml in code: which properties a type shows,
// as a table or a list, with fixed column widths where PowerShell fixes them, and an optional
// group header (`   PSParentPath: ...`) printed whenever its value changes. Cmdlets choose a view
// by the type name they give their records; anything else gets the default rule (a table for up
// to four properties, a list beyond). Imports lib/core and ./engine-values only.

import type { Alignment } from '../core/format-records.js';
import { getMember } from './engine-values.js';

export interface ViewColumn {
  label: string;
  expression(obj: unknown): unknown;
  width?: number;
  alignment?: Alignment;
}

/** A property name, or a calculated column. */
export type ViewProperty = string | (Omit<ViewColumn, 'expression'> & { expression?: ViewColumn['expression'] });

export interface GroupBy {
  label: string;
  expression(obj: unknown): unknown;
  /** Spaces before the label: PowerShell indents `PSParentPath:` by 3, `Directory:` by 4. */
  indent?: number;
}

export interface ViewDefinition {
  kind: 'table' | 'list';
  properties: ViewProperty[];
  /** A property name, or a label with an expression. */
  groupBy?: string | GroupBy;
}

/** A view with every column and the group resolved to functions. */
export interface ResolvedView {
  kind: 'table' | 'list';
  columns: ViewColumn[];
  groupBy?: GroupBy;
}

const views = new Map<string, ResolvedView>();
/** One resolved view per definition: types sharing a definition (files, directories) share a run. */
const resolved = new WeakMap<ViewDefinition, ResolvedView>();

export function registerView(typeName: string, view: ViewDefinition): void {
  let r = resolved.get(view);
  if (!r) {
    // A registered view's columns are left-aligned unless it says otherwise (a hashtable's numeric
    // Values too); only tables made up on the fly right-align numbers.
    const base = resolveView(view);
    r = { ...base, columns: base.columns.map(c => ({ alignment: 'Left' as const, ...c })) };
    resolved.set(view, r);
  }
  views.set(typeName.toLowerCase(), r);
}

/** The view of the most specific type name that has one. */
export function findView(typeNames: readonly string[]): ResolvedView | undefined {
  for (const t of typeNames) {
    const v = views.get(t.toLowerCase());
    if (v) return v;
  }
  return undefined;
}

export function resolveView(view: ViewDefinition): ResolvedView {
  const columns = view.properties.map(p => typeof p === 'string'
    ? { label: p, expression: (o: unknown) => getMember(o, p) }
    : { ...p, expression: p.expression ?? ((o: unknown) => getMember(o, p.label)) });
  const g = view.groupBy;
  const groupBy = typeof g === 'string' ? { label: g, expression: (o: unknown) => getMember(o, g) } : g;
  return { kind: view.kind, columns, groupBy };
}

// ---- Built-in views ----------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `{0,10:d} {0,8:t}` in en-US: `1/15/2030  3:04 PM`, as the file-system view shows LastWriteTime. */
export function shortDateTime(d: Date): string {
  const h = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  const date = `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
  const time = `${h}:${pad2(d.getMinutes())} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
  return `${date.padStart(10)} ${time.padStart(8)}`;
}

/** PSParentPath without its provider prefix, as the `Directory:` header shows it. */
function directoryOf(item: unknown): unknown {
  const parent = getMember(item, 'PSParentPath');
  if (typeof parent === 'string' && parent) return parent.replace(/^.*::/, '');
  return getMember(item, 'DirectoryName') ?? getMember(getMember(item, 'Parent'), 'FullName');
}

const commandView: ViewDefinition = {
  kind: 'table',
  properties: [
    { label: 'CommandType', width: 15 },
    { label: 'Name', width: 50, expression: o => getMember(o, 'DisplayName') ?? getMember(o, 'Name') },
    { label: 'Version', width: 10 },
    'Source',
  ],
};
for (const t of ['CmdletInfo', 'FunctionInfo', 'AliasInfo', 'FilterInfo', 'CommandInfo']) {
  registerView(`System.Management.Automation.${t}`, commandView);
}

const fileSystemView: ViewDefinition = {
  kind: 'table',
  properties: [
    { label: 'Mode', width: 7 },
    { label: 'LastWriteTime', width: 26, alignment: 'Right', expression: o => {
      const d = getMember(o, 'LastWriteTime');
      return d instanceof Date ? shortDateTime(d) : d;
    } },
    { label: 'Length', width: 14, alignment: 'Right' },
    'Name',
  ],
  groupBy: { label: 'Directory', expression: directoryOf, indent: 4 },
};
registerView('System.IO.FileInfo', fileSystemView);
registerView('System.IO.DirectoryInfo', fileSystemView);

registerView('System.Security.Cryptography.X509Certificates.X509Certificate2', {
  kind: 'table',
  properties: [{ label: 'Thumbprint', width: 41 }, 'Subject'],
  groupBy: { label: 'PSParentPath', expression: o => getMember(o, 'PSParentPath'), indent: 3 },
});

registerView('Microsoft.PowerShell.Commands.GenericMeasureInfo', {
  kind: 'list',
  properties: ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'Property'],
});

registerView('Microsoft.PowerShell.Commands.GroupInfo', {
  kind: 'table',
  properties: [{ label: 'Count', width: 5, alignment: 'Right' }, { label: 'Name', width: 25 }, 'Group'],
});

registerView('Microsoft.PowerShell.Commands.MemberDefinition', {
  kind: 'table',
  properties: ['Name', 'MemberType', 'Definition'],
  groupBy: { label: 'TypeName', expression: o => getMember(o, 'TypeName'), indent: 3 },
});

/** A Hashtable shows one row per entry; the renderer turns entries into DictionaryEntry records. */
registerView('System.Collections.DictionaryEntry', {
  kind: 'table',
  properties: [{ label: 'Name', width: 30 }, 'Value'],
});

/** TimeSpan as PowerShell 7 lists it: components first, then the totals. */
registerView('System.TimeSpan', {
  kind: 'list',
  properties: ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds', 'Ticks',
    'TotalDays', 'TotalHours', 'TotalMinutes', 'TotalSeconds', 'TotalMilliseconds'],
});
