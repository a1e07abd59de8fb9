import { expect } from 'chai';
import { runLimbo, type LimboOutcome } from '../../../bench/x509-limbo-cases.js';

// The x509-limbo corpus (../shared/corpora/x509-limbo, read in place) as a ratchet: the validator
// may agree with more cases, never fewer. bench/x509-limbo.ts prints the details.
const AGREEMENT_FLOOR = 169;

describe('chain validation against x509-limbo', () => {
  let outcomes: LimboOutcome[];
  before(() => { outcomes = runLimbo(); });

  it(`agrees with at least ${AGREEMENT_FLOOR} of the 174 expected verdicts`, () => {
    expect(outcomes).to.have.length(174);
    expect(outcomes.filter((o) => o.agrees).length).to.be.at.least(AGREEMENT_FLOOR);
  });

  it('takes the Web PKI side of every rfc5280-vs-webpki conflict pair', () => {
    const webpki = outcomes.filter((o) => o.case.conflicts_with.length && o.case.id.startsWith('webpki::'));
    expect(webpki.map((o) => o.case.id)).to.have.length(3);
    for (const outcome of webpki) expect(outcome.agrees, outcome.case.id).to.equal(true);
  });

  it('names a rule and the certificate in every rejection', () => {
    for (const outcome of outcomes.filter((o) => o.actual === 'FAILURE')) {
      const first = outcome.result.problems[0]!;
      expect(first.rule, outcome.case.id).to.be.a('string');
      expect(first.message, outcome.case.id).to.match(/'[^']*'/);
    }
  });
});
