import { expect } from '@open-wc/testing';
import { demoMarkup, textMovesOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-comment-prompt> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with comment-prompt.fallback.css)', async () => {
    const { moves, compared, heights } = await textMovesOnUpgrade(await demoMarkup('lede-comment-prompt'), '/src/comment-prompt/comment-prompt.fallback.css', () => import('./index.js'));
    expect(compared).to.be.greaterThan(2);
    expect(moves).to.deep.equal([]);
    expect(heights.after).to.deep.equal(heights.before);
  });
});
