// The first renders of many elements are spread over tasks (src/core/first-update.ts), the ones in
// the viewport first, and every element still renders and resolves updateComplete.
import { expect } from '@open-wc/testing';
import '../src/key-points/index.js';
import type { LedeKeyPoints } from '../src/key-points/key-points.js';

const points = (n: number, from: number) =>
  Array.from(
    { length: n },
    (_, i) => `<lede-key-points><ul><li><strong>Point ${from + i}:</strong> Text.</li></ul></lede-key-points>`,
  ).join('');

describe('first renders of many elements', () => {
  let page: HTMLElement;
  afterEach(() => page.remove());

  it('render the visible ones first, in later tasks, and all of them', async () => {
    page = document.createElement('div');
    // In document order: 290 elements far below the fold, then 10 in view (placed at the top).
    page.innerHTML = `<div style="position:absolute;top:0;left:0;width:600px"><div style="margin-top:20000px">${points(290, 0)}</div></div>
      <div style="position:fixed;top:0;left:0;width:600px">${points(10, 290)}</div>`;
    const elements = [...page.querySelectorAll<LedeKeyPoints>('lede-key-points')];
    const order: number[] = [];
    document.body.append(page);
    await Promise.all(elements.map((el, i) => el.updateComplete.then(() => order.push(i))));
    expect(order).to.have.length(300);
    expect(elements.every((el) => el.shadowRoot!.querySelector('li'))).to.be.true;
    const visible = order.map((index, position) => (index >= 290 ? position : -1)).filter((p) => p >= 0);
    // Without the spreading, they render in document order: the visible ten last (positions 290-299).
    expect(Math.max(...visible), `positions of the visible elements: ${visible.join(', ')}`).to.be.below(200);
  });
});
