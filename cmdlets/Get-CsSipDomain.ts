// Get-CsSipDomain: the SIP domains of the topology, the primary (default) one first.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { csError } from './shared/errors.js';
import { sipDomainObject } from './shared/topology-objects.js';

export default defineCmdlet({
  name: 'Get-CsSipDomain',
  synopsis: 'Returns the SIP domains of the topology.',
  description: 'One object per SIP domain of the configuration\'s topology (Identity, Name, IsDefault); the first is the ' +
    'primary one. Request-CsCertificate adds sip.<domain> and lyncdiscover names for the primary domain, or for every ' +
    'domain with -AllSipDomain.',
  module: MODULE,
  parameters: { Identity: param.string({ position: 0, help: 'One SIP domain, e.g. litwareinc.com.' }) },
  examples: [
    { title: 'The SIP domains', code: 'Get-CsSipDomain' },
    { title: 'The sip. names a certificate may need', code: '(Get-CsSipDomain).Identity | ForEach-Object { "sip.$_" }' },
  ],
  related: ['Get-CsPool', 'Get-CsComputer', 'Request-CsCertificate'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    const domains = svc.config.topology.sipDomains;
    const wanted = args.Identity?.toLowerCase();
    const shown = domains.filter((d) => wanted === undefined || d.toLowerCase() === wanted);
    if (wanted !== undefined && !shown.length) throw csError('SipDomainNotFound', `The topology has no SIP domain '${args.Identity}'.`, args.Identity);
    for (const domain of shown) yield sipDomainObject(domain, domain === domains[0]);
  },
});
