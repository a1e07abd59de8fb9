// A Runspace with a collecting sink and a few tiny cmdlets, for running real scripts in tests.

import { ErrorRecord } from '../../../lib/core/errors.js';
import { makeSource } from '../../../lib/core/span.js';
import { defineCmdlet, param, type CmdletDefinition } from '../../../lib/engine/cmdlet/index.js';
import { Runspace, type CommandReport, type RunResult } from '../../../lib/engine/runtime/index.js';
import { ShellError } from '../../../lib/core/errors.js';
import { SecureString } from '../../../lib/core/values.js';
import { toStr } from '../../../lib/engine/values/convert.js';

export interface Collected {
  output: unknown[]; errors: ErrorRecord[]; warnings: string[]; verbose: string[]; debug: string[];
  information: string[]; reports: CommandReport[]; confirms: string[];
}

/** Test cmdlets: just enough to exercise pipelines, binding and streams. */
export const testCmdlets: CmdletDefinition[] = [
  defineCmdlet({
    name: 'Write-Output', synopsis: 'Writes objects.', aliases: ['echo'], examples: [],
    parameters: { InputObject: param.objects({ help: 'Objects.', position: 0, pipeline: 'value' }) },
    *process(args) { for (const v of args.InputObject ?? []) yield v; },
  }),
  defineCmdlet({
    name: 'Write-Error', synopsis: 'Writes an error.', examples: [],
    parameters: { Message: param.string({ help: 'Text.', position: 0 }) },
    process(args, ctx) { ctx.writeError(new ShellError('WriteErrorException', 'NotSpecified', args.Message ?? '', { exceptionType: 'Microsoft.PowerShell.Commands.WriteErrorException' })); },
  }),
  defineCmdlet({
    name: 'Write-Warning', synopsis: 'Warns.', examples: [],
    parameters: { Message: param.string({ help: 'Text.', position: 0 }) },
    process(args, ctx) { ctx.writeWarning(args.Message ?? ''); },
  }),
  defineCmdlet({
    name: 'Write-Verbose', synopsis: 'Verbose.', examples: [],
    parameters: { Message: param.string({ help: 'Text.', position: 0 }) },
    process(args, ctx) { ctx.writeVerbose(args.Message ?? ''); },
  }),
  defineCmdlet({
    name: 'Write-Host', synopsis: 'Host.', examples: [],
    parameters: { Object: param.object({ help: 'Text.', position: 0 }) },
    process(args, ctx) { ctx.writeHost(toStr(args.Object)); },
  }),
  defineCmdlet({
    name: 'Fail-Now', synopsis: 'Throws.', examples: [],
    parameters: {},
    process() { throw new ShellError('Boom', 'InvalidOperation', 'boom', { exceptionType: 'System.InvalidOperationException' }); },
  }),
  defineCmdlet({
    name: 'Select-First', synopsis: 'First N.', examples: [],
    parameters: { InputObject: param.object({ help: 'In.', pipeline: 'value' }), Count: param.int({ help: 'N.', position: 0 }) },
    begin(_args, ctx) { (ctx as unknown as { seen: number }).seen = 0; },
    *process(args, ctx) {
      const c = ctx as unknown as { seen: number };
      if (c.seen < (args.Count ?? 1)) { c.seen++; yield args.InputObject; }
      if (c.seen >= (args.Count ?? 1)) ctx.stopUpstream?.();
    },
  }),
  defineCmdlet({
    name: 'ForEach-Object', synopsis: 'Each.', aliases: ['%', 'foreach'], examples: [],
    parameters: { InputObject: param.object({ help: 'In.', pipeline: 'value' }),
      Process: param.scriptBlock({ help: 'Block.', position: 0 }), Parallel: param.switch({ help: 'P.' }) },
    async *process(args, ctx) {
      if (args.InputObject === undefined) return;
      yield* await ctx.invoke(args.Process!, { dollarUnder: args.InputObject, isolatedScope: !!args.Parallel });
    },
  }),
  defineCmdlet({
    name: 'Where-Object', synopsis: 'Filter.', aliases: ['?', 'where'], examples: [],
    parameters: { InputObject: param.object({ help: 'In.', pipeline: 'value' }), FilterScript: param.scriptBlock({ help: 'Block.', position: 0 }) },
    async *process(args, ctx) {
      const out = await ctx.invoke(args.FilterScript!, { dollarUnder: args.InputObject });
      if (out.length && out.every(Boolean)) yield args.InputObject;
    },
  }),
  defineCmdlet({
    name: 'Measure-Count', synopsis: 'Counts input.', examples: [],
    parameters: { InputObject: param.object({ help: 'In.', pipeline: 'value' }) },
    begin(_a, ctx) { (ctx as unknown as { n: number }).n = 0; },
    process(_a, ctx) { (ctx as unknown as { n: number }).n++; },
    *end(_a, ctx) { yield (ctx as unknown as { n: number }).n; },
  }),
  defineCmdlet({
    name: 'Remove-Thing', synopsis: 'Changes state.', examples: [], changesState: { confirmImpact: 'Medium' },
    parameters: { Name: param.string({ help: 'Name.', position: 0 }), Password: param.secureString({ help: 'Secret.' }) },
    async *process(args, ctx) {
      ctx.writeVerbose(`removing ${args.Name}`);
      if (await ctx.shouldProcess(args.Name ?? '', 'Remove Thing')) yield `removed ${args.Name}`;
    },
  }),
  defineCmdlet({
    name: 'New-Secret', synopsis: 'A SecureString.', examples: [], parameters: {},
    process() { return [new SecureString('hunter2')]; },
  }),
  defineCmdlet({
    name: 'Get-Date', synopsis: 'Now.', examples: [], parameters: {},
    process(_a, ctx) { return [ctx.now()]; },
  }),
];

/** `confirm`: the user's answer to every question; 'no answer' when none can be had (no terminal, stdin ended). */
export async function runScript(text: string, options: { confirm?: boolean | 'no answer'; args?: unknown[]; env?: NodeJS.ProcessEnv } = {}):
  Promise<Collected & { result: RunResult; rs: Runspace }> {
  const c: Collected = { output: [], errors: [], warnings: [], verbose: [], debug: [], information: [], reports: [], confirms: [] };
  const rs = new Runspace({
    commands: testCmdlets,
    services: { now: () => new Date(Date.UTC(2030, 0, 1)) },
    sink: {
      output: v => { c.output.push(v); }, error: r => { c.errors.push(r); }, warning: t => { c.warnings.push(t); },
      verbose: t => { c.verbose.push(t); }, debug: t => { c.debug.push(t); }, information: t => { c.information.push(t); },
      progress: () => {},
    },
    cwd: process.cwd(), env: options.env ?? { HOME: '/home/test', PATH: process.env.PATH },
    isInteractive: false,
    readLine: async () => '',
    confirm: async q => { c.confirms.push(q); return options.confirm === 'no answer' ? undefined : options.confirm ?? false; },
    renderText: objects => objects.map(o => toStr(o)).join('\n'),
    onReport: r => { c.reports.push(r); },
  });
  const result = await rs.run(makeSource('<command>', text), options.args);
  return { ...c, result, rs };
}

/** The output of a script, as plain values. */
export async function outputOf(text: string): Promise<unknown[]> {
  const r = await runScript(text);
  if (r.errors.length) throw new Error(`unexpected errors: ${r.errors.map(e => `${e.error.id}: ${e.error.message}`).join('; ')}`);
  return r.output;
}
