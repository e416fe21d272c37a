import { expect } from '@open-wc/testing';
import { demoMarkup, textMovesOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-article> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with article.fallback.css)', async () => {
    const { moves, compared, heights, onlyAfter } = await textMovesOnUpgrade(await demoMarkup('lede-article'), '/src/article/article.fallback.css', () => import('./index.js'));
    expect(compared).to.be.greaterThan(20);
    expect(onlyAfter).to.deep.equal([]);
    expect(moves).to.deep.equal([]);
    expect(heights.after).to.deep.equal(heights.before);
  });
});
