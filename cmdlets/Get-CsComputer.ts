// Get-CsComputer: the computers of the topology and the pool each belongs to; -Local for this one.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { csError } from './shared/errors.js';
import { computerObject } from './shared/topology-objects.js';

export default defineCmdlet({
  name: 'Get-CsComputer',
  synopsis: 'Returns the computers of the topology.',
  description: 'One object per computer (Identity, Pool, Fqdn, Role). -Identity picks one by FQDN (or by its short name); ' +
    '-Local returns this computer (the configuration\'s computerFqdn), an error when the topology does not list it.',
  module: MODULE,
  defaultParameterSet: 'Identity',
  parameters: {
    Identity: param.string({ help: 'FQDN of one computer.', sets: { Identity: { position: 0 } } }),
    Local: param.switch({ help: 'This computer.', sets: { Local: { mandatory: true } } }),
  },
  examples: [
    { title: 'Every computer of the topology', code: 'Get-CsComputer' },
    { title: 'The pool this computer belongs to', code: '(Get-CsComputer -Local).Pool' },
  ],
  related: ['Get-CsPool', 'Get-CsSipDomain'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    const all = svc.domain.computers(svc.config);
    const pool = svc.domain.poolOfComputer(svc.config, svc.computerFqdn);
    // A Standard Edition pool named after its only computer lists it implicitly.
    if (pool && !all.some((c) => c.identity.toLowerCase() === svc.computerFqdn.toLowerCase()))
      all.push({ identity: svc.computerFqdn, pool: pool.fqdn, role: pool.role });
    const wanted = args.Local ? svc.computerFqdn : args.Identity && svc.domain.resolveComputer(svc.config, args.Identity);
    const shown = all.filter((c) => !wanted || c.identity.toLowerCase() === wanted.toLowerCase());
    if (wanted && !shown.length) throw csError('ComputerNotFound', `The topology has no computer '${wanted}'.`, wanted);
    for (const c of shown) yield computerObject(c.identity, c.pool, c.role);
  },
});
