// Get-CsCertificateStatus: the wizard's "Online Certificate Request Status" page with "View
// Certificate Details": a request's status, the certificate's properties and its chain.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE, thumbprintArgument, thumbprintParameter } from './shared/cs-arguments.js';
import { csError, toShellError } from './shared/errors.js';
import { CERTIFICATE_STATUS_TYPE, certificateStatus } from './shared/request-status.js';

export default defineCmdlet({
  name: 'Get-CsCertificateStatus',
  synopsis: 'Shows the status of a certificate request or certificate: thumbprint, usages, details and certification path.',
  description: 'The Certificate Wizard\'s "Online Certificate Request Status" page. For a request (-RequestId, default: the ' +
    'latest one) or a certificate (-Thumbprint) it returns the status (RequestStatus, Thumbprint, Use, CA, Subject, ' +
    'AlternativeNames, NotAfter, ChainStatus, CanAssign, Assigned, Message), the certificate\'s details (Issuer, ' +
    'NotBefore, SerialNumber, FriendlyName, HasPrivateKey, KeyAlgorithm, KeySize, EnhancedKeyUsageList, ' +
    'SignatureAlgorithm), AssignedTo (the usages holding it) and Chain: each link from the certificate to its root marked ' +
    'Trusted (a root in Root), Present (found in My or CA) or Missing (named by its subject, to be imported). Accepts ' +
    'the objects of Request-CsCertificate and Get-CsCertificate from the pipeline.',
  module: MODULE,
  defaultParameterSet: 'RequestId',
  outputType: CERTIFICATE_STATUS_TYPE,
  parameters: {
    RequestId: param.int({ help: 'The id of a request made with Request-CsCertificate.', position: 0,
      sets: { RequestId: { valueFromPipelineByPropertyName: true } } }),
    Thumbprint: thumbprintParameter({ help: 'Thumbprint of a certificate in Cert:\\LocalMachine\\My.',
      sets: { Thumbprint: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
  },
  examples: [
    { title: 'The status page of the latest request, with every property and the chain',
      setup: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal',
      code: 'Get-CsCertificateStatus | Format-List *' },
    { title: 'The certification path of an assigned certificate',
      setup: 'Request-CsCertificate -New -Type Default -Assign',
      code: '(Get-CsCertificate -Type Default | Get-CsCertificateStatus).Chain' },
  ],
  related: ['Request-CsCertificate', 'Set-CsCertificate', 'Import-CsCertificate'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    const { store, domain } = svc;
    try {
      const result = args.Thumbprint !== undefined
        ? await domain.judged(store, thumbprintArgument(args.Thumbprint), ctx.now())
        : await domain.requestResultOf(store, await findRequest(svc, args.RequestId), ctx.now());
      const certificate = result.thumbprint ? await store.get(result.thumbprint, 'My') : undefined;
      const usages = result.thumbprint ? await store.usagesOf(result.thumbprint) : [];
      yield certificateStatus(result, certificate, usages.map((u) => `${u.usage} (${u.scope === 'global' ? 'global' : 'local'}${u.as === 'current' ? '' : `, ${u.as}`})`));
    } catch (error) {
      ctx.writeError(toShellError(error));
    }
  },
});

async function findRequest(svc: Awaited<ReturnType<typeof certServices>>, id: number | undefined) {
  const requests = await svc.store.requests();
  const request = id === undefined ? requests[requests.length - 1] : requests.find((r) => r.id === id);
  if (request) return request;
  throw id === undefined ? csError('NoCertificateRequest', 'No certificate has been requested with Request-CsCertificate yet.')
    : csError('CertificateRequestNotFound', `There is no certificate request with the id ${id}.`, id);
}
