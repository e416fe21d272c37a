import { expectNoShiftOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-newsletter> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with newsletter.fallback.css)', async () => {
    await expectNoShiftOnUpgrade('lede-newsletter', () => import('./index.js'));
  });
});
