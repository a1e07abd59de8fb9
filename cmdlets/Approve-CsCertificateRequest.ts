// Approve-CsCertificateRequest: the embedded CA's manager approval of a request it holds Pending.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { toShellError } from './shared/errors.js';
import { manualCaSetup } from './shared/example-setup.js';
import { REQUEST_STATUS_TYPE, requestStatus } from './shared/request-status.js';

export default defineCmdlet({
  name: 'Approve-CsCertificateRequest',
  synopsis: 'Approves a certificate request that a CA with policy manual holds Pending.',
  description: 'The CA administrator\'s side of a pending request (the wizard\'s "Process Pending Request"): the CA issues ' +
    'the certificate; the requester installs it with Request-CsCertificate -Retrieve -RequestId, which also assigns it ' +
    'when the request was made with -Assign. -RequestId is the id Request-CsCertificate returned.',
  module: MODULE,
  outputType: REQUEST_STATUS_TYPE,
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    RequestId: param.int({ help: 'Id of the pending request (Request-CsCertificate -List).', mandatory: true, position: 0, pipeline: 'property' }),
  },
  examples: [
    { title: 'Approve a pending request, then install the certificate', setup: manualCaSetup(),
      code: '$r = Request-CsCertificate -New -Type Default\nApprove-CsCertificateRequest -RequestId $r.RequestId\nRequest-CsCertificate -Retrieve -RequestId $r.RequestId' },
  ],
  related: ['Deny-CsCertificateRequest', 'Request-CsCertificate'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    if (!(await ctx.shouldProcess(`request ${args.RequestId}`, 'Approve the certificate request'))) return;
    try { yield requestStatus(await svc.domain.decideRequest(svc.config, svc.store, svc.env, args.RequestId!, { approve: true })); }
    catch (error) { ctx.writeError(toShellError(error)); }
  },
});
