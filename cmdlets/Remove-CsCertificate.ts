// Remove-CsCertificate: un-assigns (never deletes) the certificates of usages, or with -Previous
// drops the previous certificates a roll left behind.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { CertType } from './shared/cert-type.js';
import { certServices, identityScope, MODULE } from './shared/cs-arguments.js';
import { toShellError } from './shared/errors.js';

export default defineCmdlet({
  name: 'Remove-CsCertificate',
  synopsis: 'Removes the assignment of certificates to Skype for Business Server usages.',
  description: 'Marks the certificate of each usage of -Type as no longer used: it leaves Get-CsCertificate but stays in ' +
    'Cert:\\LocalMachine\\My, to be assigned again with Set-CsCertificate. A certificate in use makes the cmdlet ask for ' +
    'confirmation first; -Force skips the question (a script with no terminal and no -Force removes nothing). -Previous ' +
    'removes only the previous certificate a -Roll left behind, once the new one took over. -Identity global works on ' +
    'the global scope.',
  notes: '-Type is optional, as in the current documentation; without it every usage of the scope is removed (after confirmation).',
  module: MODULE,
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    Type: param.enumArray(CertType, { help: 'Usages to remove, e.g. -Type WebServicesExternal.' }),
    Identity: param.string({ position: 0, help: "'global' to remove from the global scope." }),
    Previous: param.switch({ help: 'Remove the previous (rolled-out) certificate instead of the current one.' }),
    Force: param.switch({ help: 'Do not ask before removing a certificate in use.' }),
  },
  examples: [
    { title: 'Remove the WebServicesExternal certificate (asks first: it is in use)',
      setup: 'Request-CsCertificate -New -Type WebServicesExternal -Assign', code: 'Remove-CsCertificate -Type WebServicesExternal' },
    { title: 'Remove it without the confirmation prompt',
      setup: 'Request-CsCertificate -New -Type WebServicesExternal -Assign', code: 'Remove-CsCertificate -Type WebServicesExternal -Force' },
    { title: 'Remove the previous A/V certificate after a roll',
      code: 'Remove-CsCertificate -Type AudioVideoAuthentication -Previous' },
  ],
  related: ['Set-CsCertificate', 'Get-CsCertificate'],
  async process(args, ctx) {
    const svc = await certServices(ctx);
    const identity = identityScope(args.Identity, svc);
    const views = (await svc.store.assignments(undefined, args.Type)).filter((v) =>
      v.scope === svc.domain.scopeFor(v.usage, svc.computerFqdn, identity));
    for (const view of views) {
      const thumbprint = args.Previous ? view.previousThumbprint : view.thumbprint ?? view.pendingThumbprint;
      if (!thumbprint) continue;
      const what = `${args.Previous ? 'previous ' : ''}certificate ${thumbprint} of the usage "${view.usage}"`;
      if (!(await ctx.shouldProcess(what, 'Remove the assignment'))) continue;
      if (!args.Previous && !args.Force && !(await ctx.shouldContinue(
        `The certificate ${thumbprint} is in use for "${view.usage}". Remove it anyway?`, 'Certificate in use'))) continue;
      try {
        await svc.store.unassign(view.scope, [view.usage], { previous: args.Previous });
        ctx.writeVerbose(`Removed the ${what}.`);
      } catch (error) { ctx.writeError(toShellError(error)); }
    }
  },
});
