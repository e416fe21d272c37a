import { define } from '../core/define.js';
import { LedeCommentCount } from './comment-count.js';

export { LedeCommentCount } from './comment-count.js';
export type { CommentCountStrings } from './comment-count.js';

define('lede-comment-count', LedeCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comment-count': LedeCommentCount;
  }
}
