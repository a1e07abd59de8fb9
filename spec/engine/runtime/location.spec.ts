// The session's current directory is the Runspace's: cmdlets change it through ctx.session, and
// $PWD, resolvePath and the host (Runspace.cwd, for the prompt) follow it.
import { expect } from 'chai';
import { makeSource } from '../../../lib/core/span.js';
import { defineCmdlet, param } from '../../../lib/engine/cmdlet/index.js';
import { Runspace } from '../../../lib/engine/runtime/index.js';
import { toStr } from '../../../lib/engine/values/convert.js';

const output: unknown[] = [];
const enter = defineCmdlet({
  name: 'Enter-Dir', synopsis: 'Changes the location.', examples: [],
  parameters: { Path: param.string({ help: 'Where.', position: 0 }), Push: param.switch({ help: 'Push first.' }), Pop: param.switch({ help: 'Pop.' }) },
  *process(args, ctx) {
    if (args.Pop) { yield ctx.session.popLocation() ?? 'empty'; return; }
    if (args.Push) ctx.session.pushLocation();
    ctx.session.setLocation(ctx.session.resolvePath(args.Path!));
    yield ctx.session.resolvePath('x');
  },
});

const runspace = () => new Runspace({
  commands: [enter], services: { now: () => new Date(0) }, cwd: '/srv', env: {}, isInteractive: false,
  sink: { output: v => { output.push(v); }, error: () => {}, warning: () => {}, verbose: () => {}, debug: () => {}, information: () => {}, progress: () => {} },
  readLine: async () => '', confirm: async () => false, renderText: objects => objects.map(o => toStr(o)).join('\n'),
});

describe('runtime: the session location', () => {
  it('is changed by a cmdlet and read by $PWD, resolvePath and Runspace.cwd across runs', async () => {
    output.length = 0;
    const rs = runspace();
    await rs.run(makeSource('<t>', 'Enter-Dir /srv/app -Push; $PWD.Path'));
    expect(rs.cwd).to.equal('/srv/app');
    await rs.run(makeSource('<t>', 'Enter-Dir -Pop; $PWD.Path; Enter-Dir -Pop'));
    expect(output).to.deep.equal(['/srv/app/x', '/srv/app', '/srv', '/srv', 'empty']);
    expect(rs.cwd).to.equal('/srv');
  });
});
