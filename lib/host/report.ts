// -Report FILE: the deployment log a changing cmdlet writes, as the real Skype for Business
// cmdlets do (reference §3): the HTML file named, plus an XML twin with the same base name
// (root <CsMgmtLog Name="Cmdlet">, <Action> entries of <Info>/<Warning>/<Error>, an Output block
// and the command status). Both files are written atomically and overwrite earlier ones.
// Secret parameters arrive already masked.

import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CommandReport } from '../engine/runtime/index.js';
import { toStr } from '../engine/values/convert.js';

export type ReportEntryKind = 'Info' | 'Verbose' | 'Warning' | 'Error' | 'Output';

export interface ReportEntry { kind: ReportEntryKind; text: string; time: Date }

export interface ReportInput {
  commandName: string;
  commandLine: string;
  parameters: Record<string, string>;
  start: Date;
  end: Date;
  entries: ReportEntry[];
  succeeded: boolean;
}

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as Record<string, string>)[c]};`);
const stamp = (d: Date) => d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/** The two files' paths: `x.html` → `x.html` and `x.xml`; a name without extension gets both. */
export function reportPaths(path: string): { html: string; xml: string } {
  const ext = extname(path).toLowerCase();
  const stem = ext === '.html' || ext === '.htm' || ext === '.xml' ? join(dirname(path), basename(path, extname(path))) : path;
  return { html: ext === '.html' || ext === '.htm' ? path : `${stem}.html`, xml: `${stem}.xml` };
}

export function renderReportHtml(report: ReportInput): string {
  const result = report.succeeded ? 'Success' : 'Failure';
  const rows = report.entries.map(e => `<tr class="${e.kind.toLowerCase()}"><td>${e.kind}</td><td>${escape(e.text)}</td><td>${stamp(e.time)}</td></tr>`);
  const parameters = Object.entries(report.parameters).map(([k, v]) => `<tr><td>-${escape(k)}</td><td>${escape(v)}</td></tr>`);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>cscert Deployment Log: ${escape(report.commandName)}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
.warning td{background:#fff4ce}.error td{background:#fde7e9}</style></head>
<body><h1>cscert Deployment Log</h1>
<h2>${escape(report.commandName)}</h2>
<p>Command: <code>${escape(report.commandLine)}</code></p>
<table><tr><th>Parameter</th><th>Value</th></tr>${parameters.join('')}</table>
<table><tr><th>Action</th><th>Action Information</th><th>Time Logged</th></tr>
${rows.join('\n')}
</table>
<p>Started ${stamp(report.start)}, finished ${stamp(report.end)}. Execution Result: <b>${result}</b></p>
</body></html>
`;
}

export function renderReportXml(report: ReportInput): string {
  const tag = (e: ReportEntry) => e.kind === 'Warning' ? 'Warning' : e.kind === 'Error' ? 'Error' : 'Info';
  const actions = report.entries.filter(e => e.kind !== 'Output')
    .map(e => `    <${tag(e)} Time="${e.time.toISOString()}">${escape(e.text)}</${tag(e)}>`);
  const outputs = report.entries.filter(e => e.kind === 'Output').map(e => `    <Item>${escape(e.text)}</Item>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<CsMgmtLog Name="${escape(report.commandName)}" StartTime="${report.start.toISOString()}" EndTime="${report.end.toISOString()}">
  <Info Title="Connection">${escape(report.commandLine)}</Info>
  <Action Name="${escape(report.commandName)}">
${Object.entries(report.parameters).map(([k, v]) => `    <Info Title="Parameter" Name="${escape(k)}">${escape(v)}</Info>`).join('\n')}
${actions.join('\n')}
    <Complete Result="${report.succeeded ? 'Success' : 'Failure'}"/>
  </Action>
  <Info Title="Output">
${outputs.join('\n')}
  </Info>
  <Info Title="Command Status">${report.succeeded ? 'Command processing is complete.' : 'Command processing failed.'}</Info>
</CsMgmtLog>
`;
}

/** The runtime's account of one command, as the log's entries: decisions, verbose text, warnings, errors, outputs. */
export function reportInputOf(report: CommandReport, renderOutput: (value: unknown) => string): ReportInput {
  const at = report.endTime;
  const entries: ReportEntry[] = [
    ...report.actions.map(a => ({ kind: 'Info' as const, time: at,
      text: `${report.whatIf ? 'What if: ' : ''}${a.performed || report.whatIf ? 'Performing' : 'Declined'} the operation "${a.action}" on target "${a.target}".` })),
    ...report.verbose.map(text => ({ kind: 'Verbose' as const, text, time: at })),
    ...report.warnings.map(text => ({ kind: 'Warning' as const, text, time: at })),
    ...report.errors.map(e => ({ kind: 'Error' as const, text: e.error.message, time: at })),
    ...(report.terminatingError ? [{ kind: 'Error' as const, text: report.terminatingError.error.message, time: at }] : []),
    ...report.outputs.map(o => ({ kind: 'Output' as const, text: renderOutput(o).trim(), time: at })),
  ];
  const parameters = Object.fromEntries(Object.entries(report.parameters).map(([k, v]) => [k, toStr(v)]));
  return { commandName: report.commandName, commandLine: report.commandLine, parameters, start: report.startTime,
    end: report.endTime, entries, succeeded: report.succeeded };
}

export function writeReport(path: string, report: ReportInput): void {
  const { html, xml } = reportPaths(path);
  writeAtomically(html, renderReportHtml(report));
  writeAtomically(xml, renderReportXml(report));
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o644);
  try { writeSync(fd, text); fsyncSync(fd); } finally { closeSync(fd); }
  renameSync(temp, path);
}
