// Get-CsPool: the pools of the topology with their role, computers and service FQDNs.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { csError } from './shared/errors.js';
import { poolObject } from './shared/topology-objects.js';

export default defineCmdlet({
  name: 'Get-CsPool',
  synopsis: 'Returns the pools of the topology.',
  description: 'One object per pool (Identity, Fqdn, Role, Computers and the Web services and Edge FQDNs the certificate ' +
    'names are computed from). -Identity picks one pool by its FQDN.',
  module: MODULE,
  parameters: { Identity: param.string({ position: 0, help: 'FQDN of one pool, e.g. pool1.litwareinc.com.' }) },
  examples: [
    { title: 'Every pool', code: 'Get-CsPool' },
    { title: "The computers of this computer's pool", code: '(Get-CsPool (Get-CsComputer -Local).Pool).Computers' },
  ],
  related: ['Get-CsComputer', 'Get-CsSipDomain'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    if (args.Identity === undefined) { for (const pool of svc.domain.pools(svc.config)) yield poolObject(pool); return; }
    const pool = svc.domain.findPool(svc.config, args.Identity);
    if (!pool) throw csError('PoolNotFound', `The topology has no pool '${args.Identity}'.`, args.Identity);
    yield poolObject(pool);
  },
});
