import { define } from '../core/define.js';
import { LedeStory } from './story.js';

export { LedeStory } from './story.js';
export type { LedeDocument, StoryStrings } from './story.js';

define('lede-story', LedeStory);

declare global {
  interface HTMLElementTagNameMap {
    'lede-story': LedeStory;
  }
}
