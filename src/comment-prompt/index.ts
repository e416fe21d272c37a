import { define } from '../core/define.js';
import { LedeCommentPrompt } from './comment-prompt.js';

export { LedeCommentPrompt } from './comment-prompt.js';
export type { CommentPromptStrings, LedeShareDetail, ShareData, ShareNetwork } from './comment-prompt.js';

define('lede-comment-prompt', LedeCommentPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comment-prompt': LedeCommentPrompt;
  }
}
