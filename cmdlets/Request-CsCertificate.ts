// Request-CsCertificate: requests a certificate whose names come from the topology (-New), online
// from a CA or offline as a PKCS#10 file (-Output); lists, retrieves or clears kept requests.

import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { CertType, KeyAlgorithm } from './shared/cert-type.js';
import { certServices, forceParameter, MODULE } from './shared/cs-arguments.js';
import { toShellError } from './shared/errors.js';
import { keptRequests, newRequest } from './shared/requesting.js';
import { REQUEST_STATUS_TYPE, requestStatus } from './shared/request-status.js';
import { litwareSetup } from './shared/example-setup.js';

const onlyNew = (help: string) => ({ help, sets: ['New'] });
const idSets = { help: 'The id of one kept request (Request-CsCertificate -List shows them).', sets: ['List', 'Retrieve', 'Clear'] };

export default defineCmdlet({
  name: 'Request-CsCertificate',
  synopsis: 'Requests certificates for Skype for Business Server usages; lists, retrieves or clears pending requests.',
  description: 'With -New, analyses the topology and requests a certificate with the proper subject name and subject ' +
    'alternative names for the usages of -Type: -DomainName (a comma list; spaces allowed) and -AllSipDomain add names. ' +
    'With -Output, writes an offline PKCS#10 request (PEM, whatever the extension) and keeps the request with its ' +
    'private key in Cert:\\LocalMachine\\REQUEST until Import-CsCertificate brings the answer; the status is Offline. ' +
    'Otherwise submits to -CA (a configured authority; default: defaultAuthority) and returns the status: Issued with ' +
    'the thumbprint, Pending (the CA holds it for approval), Denied or Failed (these two are also errors). -Assign, the ' +
    'wizard\'s "Assign this certificate to Skype for Business Server certificate usages" check box, assigns an issued ' +
    'certificate to the -Type usages in the same step, but only when its chain is trusted; otherwise the status says why ' +
    'and nothing is assigned. -List shows the kept requests that are not issued, -Retrieve asks the CA again about pending ' +
    'ones and installs what was issued, -Clear deletes requests and their keys.',
  notes: 'Decisions where the sources are silent or disagree (reference §8): the command returns a status object ' +
    '(scripts use .Thumbprint and .RequestStatus, and pass it to Set-CsCertificate -Reference). -Output always writes a ' +
    'CSR, whatever the extension. -ComputerFqdn $null means "this computer"; a short name (atl-edge-001) means the ' +
    'topology\'s computer of that name. Defaults: KeyAlg RSA, KeySize 2048, Template WebServer, PrivateKeyExportable ' +
    '$false (from the configuration\'s defaults). -New/-List/-Retrieve/-Clear are named switches (no position). ' +
    '-CaAccount, -CaPassword, -GlobalCatalog and -GlobalSettingsDomainController are accepted and not needed.',
  module: MODULE,
  defaultParameterSet: 'New',
  outputType: REQUEST_STATUS_TYPE,
  changesState: { confirmImpact: 'Low' },
  parameters: {
    New: param.switch({ help: 'Request a new certificate.', sets: { New: { mandatory: true } } }),
    List: param.switch({ help: 'List the kept (pending, offline, denied) requests.', sets: { List: { mandatory: true } } }),
    Retrieve: param.switch({ help: 'Ask the CA about pending requests and install issued certificates.', sets: { Retrieve: { mandatory: true } } }),
    Clear: param.switch({ help: 'Delete kept requests and their private keys.', sets: { Clear: { mandatory: true } } }),
    RequestId: param.int(idSets),
    Type: param.enumArray(CertType, { help: 'Usages the certificate is for, e.g. -Type Default,WebServicesInternal,WebServicesExternal.',
      sets: { New: { mandatory: true } } }),
    CA: param.string(onlyNew('Configured CA, e.g. -CA "atl-ca-001.litwareinc.com\\myca".')),
    CaAccount: param.string(onlyNew('Account for the CA (domain\\user); not needed by the configured CAs.')),
    CaPassword: param.secureString(onlyNew('Password of -CaAccount.')),
    City: param.string(onlyNew('City (L=) of the subject.')),
    State: param.string(onlyNew('State or province (S=) of the subject, not abbreviated.')),
    Country: param.string(onlyNew('Two-letter country code (C=).')),
    Organization: param.string(onlyNew('Organization (O=).')),
    OU: param.string(onlyNew('Organizational unit (OU=).')),
    ClientEKU: param.bool(onlyNew('$true adds Client Authentication to the certificate.')),
    ComputerFqdn: param.string(onlyNew('The computer the certificate is for; $null or omitted: this computer.')),
    DomainName: param.string(onlyNew('Extra subject alternative names, comma-separated: "a.litwareinc.com, b.litwareinc.com".')),
    AllSipDomain: param.switch(onlyNew('Add names for every SIP domain, not only the primary one.')),
    FriendlyName: param.string(onlyNew('A name to recognise the certificate by.')),
    GlobalCatalog: param.string(onlyNew('Global catalog FQDN (not needed).')),
    GlobalSettingsDomainController: param.string(onlyNew('Domain controller with the global settings (not needed).')),
    KeyAlg: param.enum(KeyAlgorithm, { ...onlyNew('Key algorithm: RSA, ECDH_P256, ECDH_P384 or ECDH_P521.'), defaultText: 'RSA' }),
    KeySize: param.int({ ...onlyNew('RSA key size: 1024, 2048, 3072 or 4096.'), defaultText: '2048',
      validate: (n) => ([1024, 2048, 3072, 4096].includes(n) ? undefined : 'The key size must be 1024, 2048, 3072 or 4096.') }),
    Output: param.string(onlyNew('Write an offline request (PKCS#10, PEM) to this file instead of submitting it.')),
    PrivateKeyExportable: param.bool(onlyNew('$true lets the private key be exported (Export-CsCertificate).')),
    Template: param.string(onlyNew('Certificate template name on the CA; default WebServer.')),
    Assign: param.switch(onlyNew('Assign the issued certificate to the -Type usages at once (the wizard\'s check box).')),
    Force: forceParameter(),
  },
  examples: [
    { title: 'Request a WebServicesExternal certificate from a named CA', setup: litwareSetup(),
      code: 'Request-CsCertificate -New -Type WebServicesExternal -CA "atl-ca-001.litwareinc.com\\myca"' },
    { title: 'List the pending certificate requests', code: 'Request-CsCertificate -List' },
    { title: 'Create an offline certificate request', code: 'Request-CsCertificate -New -Type WebServicesExternal -Output WebServicesExternal.cer' },
    { title: 'A Standard Edition certificate, as the wizard requests it', setup: litwareSetup(),
      code: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -ComputerFqdn "atl-cs-001.litwareinc.com" -CA "atl-ca-001.litwareinc.com\\myca" -FriendlyName "Standard Edition Certificate" -Template jcila -PrivateKeyExportable $True -DomainName "atl-cs-001.litwareinc.com,atl-ext.litwareinc.com"' },
    { title: 'A pool certificate for Enterprise Edition', setup: litwareSetup(),
      code: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -ComputerFqdn "atl-cs-001.litwareinc.com" -CA "atl-ca-001.litwareinc.com\\myca" -FriendlyName "Enterprise Edition Pool Certificate" -Template jcila -PrivateKeyExportable $True -DomainName "pool1.litwareinc.com,pool1int.litwareinc.com,pool1ext.litwareinc.com"' },
    { title: 'A certificate for the internal Edge interface', setup: litwareSetup(),
      code: 'Request-CsCertificate -New -Type Internal -ComputerFqdn "atl-edge-001" -CA "atl-ca-001.litwareinc.com\\myca" -FriendlyName "Internal Edge Certificate" -Template jcila -PrivateKeyExportable $True -DomainName "atl-edge-001.litwareinc.com, ap.litwareinc.com"' },
    { title: 'A certificate for the external Edge interface', setup: litwareSetup(),
      code: 'Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication -ComputerFqdn "atl-edge-001" -CA "atl-ca-001.litwareinc.com\\myca" -FriendlyName "External Edge Certificate" -Template jcila -PrivateKeyExportable $True -DomainName "atl-edge-001.litwareinc.com,ap.litwareinc.com,dp.litwareinc.com,atl-edge-001"' },
    { title: 'Request and assign in one step, as the wizard does by default',
      code: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign' },
    { title: 'One certificate for every SIP domain', code: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -AllSipDomain -Verbose' },
    { title: 'Clear one kept request', setup: 'Request-CsCertificate -New -Type Default -Output default.req',
      code: 'Request-CsCertificate -Clear -RequestID 1' },
  ],
  related: ['Set-CsCertificate', 'Get-CsCertificateStatus', 'Import-CsCertificate', 'Approve-CsCertificateRequest'],
  async *process(args, ctx) {
    if (ctx.parameterSetName === 'New') {
      const status = await newRequest(ctx, args);
      if (status) yield status;
      return;
    }
    yield* keptRequestSet(ctx, ctx.parameterSetName, args.RequestId);
  },
});

/** -List, -Retrieve, -Clear: one failing request is reported and the others go on. */
async function* keptRequestSet(ctx: CmdletContext, set: string, requestId: number | undefined): AsyncGenerator<unknown> {
  const svc = await certServices(ctx);
  for (const request of await keptRequests(svc, requestId)) {
    try {
      if (set === 'List') yield requestStatus(await svc.domain.requestResultOf(svc.store, request, ctx.now()));
      else if (set === 'Retrieve') {
        if (request.status !== 'Pending' || !(await ctx.shouldProcess(`request ${request.id}`, 'Retrieve the certificate from the CA'))) continue;
        yield requestStatus(await svc.domain.retrieveRequest(svc.config, svc.store, svc.env, request.id));
      } else if (await ctx.shouldProcess(`request ${request.id} (${request.subject})`, 'Delete the certificate request and its private key')) {
        await svc.store.removeRequest(request.id);
        ctx.writeVerbose(`Certificate request ${request.id} was deleted.`);
      }
    } catch (error) { ctx.writeError(toShellError(error)); }
  }
}
