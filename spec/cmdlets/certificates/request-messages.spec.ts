// Request-CsCertificate -New's messages, which its code builds apart from the request itself (kept
// out of the part V8 compiles hot in a loop): the verbose lines in the order the real -Report log
// writes them, for each request of a loop; none without -Verbose; the ShouldProcess text; and a
// failed check reported before any line.
import { expect } from 'chai';
import { plain } from '../../support/plain.js';
import { testHost } from '../../support/test-host.js';

interface Status { Subject: string; AlternativeNames: string[]; CA: string; Thumbprint: string }

describe('Request-CsCertificate -New messages', function () {
  this.timeout(60_000);

  it('writes the verbose lines of each request of a loop, in order, and none without -Verbose', async () => {
    const host = await testHost();
    const r = await host.run("1..2 | ForEach-Object { Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -CaAccount 'a\\b' -Verbose }\n" +
      'Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 | Out-Null');
    expect(r.errors).to.deep.equal([]);
    const statuses = r.output.map((o) => plain(o) as unknown as Status);
    expect(statuses).to.have.length(2);
    expect(r.verbose).to.deep.equal(statuses.flatMap((s) => [
      'Certificate use: Default',
      `Subject distinguished name (DN): CN="${s.Subject.replace(/^CN=/, '')}"`,
      `Subject alternative name: ${s.AlternativeNames.join(',')}`,
      '-CaAccount is not needed by the configured CAs and is ignored.',
      `Certificate request submitted to certification authority (CA) "${s.CA}".`,
      'Certificate issued successfully.',
      `Certificate was imported with the thumbprint "${s.Thumbprint}".`,
    ]));
  });

  it('asks ShouldProcess about the CA or the file, on the subject', async () => {
    const host = await testHost();
    const subject = (plain((await host.run('Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256')).output[0]) as unknown as Status);
    const r = await host.run('Request-CsCertificate -New -Type Default -WhatIf; Request-CsCertificate -New -Type Default -Output x.req -WhatIf');
    expect(r.output).to.deep.equal([]);
    expect(r.host).to.have.length(2);
    expect(r.host[0]).to.equal(`What if: Performing the operation "Request a certificate for Default of the CA '${subject.CA}'" on target "${subject.Subject}".`);
    expect(r.host[1]).to.match(new RegExp(`^What if: Performing the operation "Write an offline certificate request to '.*x\\.req'" on target "${subject.Subject.replace(/\./g, '\\.')}"\\.$`));
  });

  it('reports an unknown CA before writing any line', async () => {
    const r = await (await testHost()).run('Request-CsCertificate -New -Type Default -CA nowhere -Verbose');
    expect(r.errors.map((e) => [e.error.id, e.error.category])).to.deep.equal([['UnknownCertificationAuthority', 'ObjectNotFound']]);
    expect(r.verbose).to.deep.equal([]);
    expect(r.output).to.deep.equal([]);
  });
});
