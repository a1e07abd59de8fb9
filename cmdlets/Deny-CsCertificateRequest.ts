// Deny-CsCertificateRequest: the embedded CA's refusal of a request it holds Pending, with a reason.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { toShellError } from './shared/errors.js';
import { manualCaSetup } from './shared/example-setup.js';
import { REQUEST_STATUS_TYPE, requestStatus } from './shared/request-status.js';

export default defineCmdlet({
  name: 'Deny-CsCertificateRequest',
  synopsis: 'Denies a certificate request that a CA with policy manual holds Pending.',
  description: 'The CA refuses the request; Request-CsCertificate -Retrieve then reports it Denied with the -Reason, ' +
    'and Request-CsCertificate -Clear removes it with its private key.',
  module: MODULE,
  outputType: REQUEST_STATUS_TYPE,
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    RequestId: param.int({ help: 'Id of the pending request.', mandatory: true, position: 0, pipeline: 'property' }),
    Reason: param.string({ help: 'Why the request is denied; shown to the requester.', defaultText: 'Denied by the CA administrator.' }),
  },
  examples: [
    { title: 'Deny a pending request with a reason', setup: manualCaSetup(),
      code: '$r = Request-CsCertificate -New -Type Default\nDeny-CsCertificateRequest -RequestId $r.RequestId -Reason "Use the pool name."' },
  ],
  related: ['Approve-CsCertificateRequest', 'Request-CsCertificate'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    if (!(await ctx.shouldProcess(`request ${args.RequestId}`, 'Deny the certificate request'))) return;
    const reason = args.Reason ?? 'Denied by the CA administrator.';
    try { yield requestStatus(await svc.domain.decideRequest(svc.config, svc.store, svc.env, args.RequestId!, { approve: false, reason })); }
    catch (error) { ctx.writeError(toShellError(error)); }
  },
});
