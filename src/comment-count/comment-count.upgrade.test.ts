import { expectNoShiftOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-comment-count> upgrade', () => {
  it('moves no text of the demo markup when it upgrades: the text child stays in its place', async () => {
    // The demo's count is one link ("Comments"), in a line of text.
    await expectNoShiftOnUpgrade('lede-comment-count', () => import('./index.js'), 1);
  });
});
