// The React wrappers of lede/react (generated from the manifest), rendered with react-dom: every
// element has a wrapper that renders the upgraded element, passes props as properties, and calls
// its `on<Event>` prop for every event the element fires. Served bundled (React is CommonJS).
import { expect } from '@open-wc/testing';
import { createElement, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import * as wrappers from '../../src/react/index.js';
import { LedeKeyPoints } from '../../src/react/index.js';
import type { LedeErrorEvent } from '../../src/core/events.js';

interface ManifestDeclaration {
  name: string;
  tagName?: string;
  events?: { name: string }[];
}
const manifest = (await (await fetch('/__lede/manifest')).json()) as {
  modules: { declarations?: ManifestDeclaration[] }[];
};
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => (declaration.tagName ? [{ ...declaration, tagName: declaration.tagName }] : []));
const propName = (event: string) =>
  `on${event
    .split('-')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}`;

describe('lede/react', () => {
  let container: HTMLDivElement;
  let root: Root;
  const show = (element: ReturnType<typeof createElement>) => flushSync(() => root.render(element));

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  for (const element of elements) {
    describe(`<${element.tagName}> as ${element.name}`, () => {
      const Wrapper = (wrappers as Record<string, unknown>)[element.name] as ComponentType<Record<string, unknown>>;

      it('is exported and renders the registered, upgraded element', () => {
        expect(Wrapper, `lede/react exports ${element.name}`).to.exist;
        show(createElement(Wrapper, { id: 'wrapped' }));
        const rendered = container.querySelector(element.tagName)!;
        expect(rendered.id).to.equal('wrapped');
        expect(rendered).to.be.instanceOf(customElements.get(element.tagName)!);
      });

      for (const { name } of element.events ?? []) {
        it(`calls ${propName(name)} when the element fires ${name}`, () => {
          const received: Event[] = [];
          show(createElement(Wrapper, { [propName(name)]: (event: Event) => received.push(event) }));
          const event = new CustomEvent(name, { detail: { from: 'test' }, bubbles: true, composed: true });
          container.querySelector(element.tagName)!.dispatchEvent(event);
          expect(received).to.deep.equal([event]);
        });
      }
    });
  }

  it('passes points as a property and reports bad points through onLedeError with a typed detail', async () => {
    const errors: string[] = [];
    const onLedeError = (event: LedeErrorEvent) => errors.push(event.detail.field ?? '');
    show(
      createElement(LedeKeyPoints, {
        heading: 'Why this matters',
        points: [{ title: 'Jobs', text: '4,200 people.' }, { text: '' }],
        onLedeError,
      }),
    );
    const element = container.querySelector('lede-key-points')!;
    await element.updateComplete;
    expect(element.points).to.have.length(2);
    expect([...element.shadowRoot!.querySelectorAll('[part="item"]')].map((li) => li.textContent)).to.deep.equal([
      'Jobs: 4,200 people.',
    ]);
    expect(element.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('Why this matters');
    expect(errors).to.deep.equal(['points[1].text']);
  });
});
