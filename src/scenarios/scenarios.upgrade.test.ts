import { expect } from '@open-wc/testing';
import { demoMarkup, textMovesOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-scenarios> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with scenarios.fallback.css)', async () => {
    const { moves, compared, heights } = await textMovesOnUpgrade(await demoMarkup('lede-scenarios'), '/src/scenarios/scenarios.fallback.css', () => import('./index.js'));
    expect(compared).to.be.greaterThan(2);
    expect(moves).to.deep.equal([]);
    expect(heights.after).to.deep.equal(heights.before);
  });
});
