// Controls for what the manifest documents about styling. The framework gives CSS custom
// properties and parts a `void` type, which shows controls that do nothing: here a custom property
// gets a text (or colour) control whose value is set around the story, so a designer can try a
// token live, and a part is listed for reference only (it is styled from the page with ::part()).
import type { ArgTypesEnhancer, Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

export const cssArgTypes: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === 'css shadow parts') return [name, { ...argType, control: false }];
      if (category === 'css custom properties')
        return [name, { ...argType, control: /color|background/.test(name) ? 'color' : 'text' }];
      return [name, argType];
    }),
  );

/** Sets every `--lede-*` arg a designer filled in on a wrapper, where the elements inherit it. */
export const cssPropertiesAroundStory: Decorator = (story, { args }) => {
  const properties = Object.fromEntries(
    Object.entries(args).filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value !== ''),
  );
  return Object.keys(properties).length ? html`<div style=${styleMap(properties)}>${story()}</div>` : story();
};
