import { expectNoShiftOnUpgrade } from '../../test/helpers/upgrade-shift.js';

// No static import of the element: its fallback is measured before it is defined.
describe('<lede-scenarios> upgrade', () => {
  it('moves no text of the demo markup when it upgrades (with scenarios.fallback.css)', async () => {
    await expectNoShiftOnUpgrade('lede-scenarios', () => import('./index.js'));
  });
});
