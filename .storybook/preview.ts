import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { cssArgTypes, cssPropertiesAroundStory } from './css-args.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [cssArgTypes],
  decorators: [cssPropertiesAroundStory],
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
