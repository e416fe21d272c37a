import { expect } from '@open-wc/testing';
import { expectNoShiftOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-article> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with article.fallback.css), and its header and contents were all in the fallback', async () => {
    const { onlyAfter } = await expectNoShiftOnUpgrade('lede-article', () => import('./index.js'), 20);
    expect(onlyAfter).to.deep.equal([]);
  });
});
