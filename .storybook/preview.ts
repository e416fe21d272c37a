import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { cssArgTypes, cssPropertiesAroundStory } from './css-args.js';
import { handlers } from './network.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [cssArgTypes],
  decorators: [cssPropertiesAroundStory],
  // The stories' endpoint (./network.ts), from a service worker that the static build ships too.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker(...handlers);
      await worker.start({
        quiet: true,
        onUnhandledRequest: 'bypass',
        // Relative, so that a static Storybook served from a sub-path finds it beside iframe.html.
        serviceWorker: { url: './mockServiceWorker.js' },
      });
      return worker;
    }),
  ],
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
