import { define } from '../core/define.js';
import { LedeArticle } from './article.js';

export { LedeArticle } from './article.js';
export type { ArticleStrings } from './article.js';

define('lede-article', LedeArticle);

declare global {
  interface HTMLElementTagNameMap {
    'lede-article': LedeArticle;
  }
}
