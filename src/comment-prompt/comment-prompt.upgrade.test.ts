import { expectNoShiftOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-comment-prompt> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with comment-prompt.fallback.css)', async () => {
    await expectNoShiftOnUpgrade('lede-comment-prompt', () => import('./index.js'));
  });
});
