// Every example a cmdlet declares (and Get-Help shows) runs here, in a fresh test host with a
// scripted user at the terminal (for Read-Host and -Confirm), and must finish without errors;
// where an example states its output, the output must be exactly that.
import { expect } from 'chai';
import { allCmdlets } from '../../cmdlets/index.js';
import { testHost } from '../support/test-host.js';
import { plain } from '../support/plain.js';

for (const cmdlet of allCmdlets) describe(`${cmdlet.name} examples`, () => {
  it('has at least one example', () => expect(cmdlet.examples).to.not.be.empty);
  for (const example of cmdlet.examples) it(example.title, async () => {
    const host = await testHost({ user: { answer: 'example answer' } });
    if (example.setup) {
      const setup = await host.run(example.setup);
      expect(setup.errors.map(e => e.error.message), 'setup').to.deep.equal([]);
    }
    const { output, errors } = await host.run(example.code);
    expect(errors.map(e => `${e.error.id}: ${e.error.message}`)).to.deep.equal([]);
    if (example.output) expect(output.map(plain)).to.deep.equal(example.output);
  });
});
