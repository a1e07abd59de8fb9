// FormatRecord: what Format-Table and Format-List write to the pipeline. The cmdlets resolve the
// chosen properties (names, wildcards, calculated properties) into values; lib/format turns the
// record into text when the host, Out-String or Out-File shows it. Values stay raw (numbers, dates,
// arrays) so the renderer decides alignment and display text the same way it does for any object.
// Imports nothing.

export type Alignment = 'Left' | 'Right' | 'Center';

/** One table column: its header and, when the user asked, a fixed width and an alignment. */
export interface FormatColumn {
  readonly label: string;
  readonly width?: number;
  readonly alignment?: Alignment;
  /** -Property @{FormatString='N1'}: applied when shown, so alignment still follows the raw value. */
  readonly formatString?: string;
}

/**
 * One table row or one list entry. In a table `values` line up with the record's columns; in a
 * list each entry carries its own `labels` (Format-List * lists every object's own properties).
 * `group` is the -GroupBy value of the row; a change of value starts a new group. When the user
 * named no properties the row carries the `object` instead, and the renderer applies its type's
 * default view, which only lib/format knows.
 */
export interface FormatRow {
  readonly values: readonly unknown[];
  readonly labels?: readonly string[];
  readonly group?: unknown;
  readonly object?: unknown;
}

export interface FormatOptions {
  /** Format-Table -AutoSize: size columns to their content (fixed widths still win). */
  readonly autoSize?: boolean;
  readonly hideTableHeaders?: boolean;
  /** Format-Table -Wrap: long cells continue on the next lines instead of ending in '…'. */
  readonly wrap?: boolean;
  /** The -GroupBy label, e.g. 'PSParentPath'; rows then carry their `group` value. */
  readonly groupLabel?: string;
  /** Spaces before the group label (PowerShell: 3; the file-system view's `Directory:` 4). */
  readonly groupIndent?: number;
}

export class FormatRecord {
  constructor(
    readonly kind: 'table' | 'list',
    readonly rows: readonly FormatRow[],
    /** Table columns; a list ignores them and reads each row's labels. */
    readonly columns: readonly FormatColumn[] = [],
    readonly options: FormatOptions = {},
  ) {}
  /** What `$x = Get-Thing | Format-Table; $x.GetType()` would name. */
  get typeName() {
    return this.kind === 'table'
      ? 'Microsoft.PowerShell.Commands.Internal.Format.FormatStartData'
      : 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData';
  }
  toString() { return this.typeName; }
}
