import { define } from '../core/define.js';
import { LedeNewsletter } from './newsletter.js';

export { LedeNewsletter } from './newsletter.js';
export type {
  NewsletterAdapter,
  NewsletterSignup,
  NewsletterStrings,
  NewsletterSubscribedDetail,
} from './newsletter.js';
export { isEmail } from './email.js';

define('lede-newsletter', LedeNewsletter);

declare global {
  interface HTMLElementTagNameMap {
    'lede-newsletter': LedeNewsletter;
  }
}
