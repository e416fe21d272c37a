import { options } from '../core/own.js';
/** What a share link carries: the page's URL and title, hashtags without `#`, and an X handle without `@`. */
export interface ShareData {
  url: string;
  title: string;
  tags: string[];
  handle?: string;
}

/** Every token the `share` attribute accepts, in the documented order. */
export type ShareNetwork =
  | 'x'
  | 'bluesky'
  | 'mastodon'
  | 'linkedin'
  | 'threads'
  | 'facebook'
  | 'reddit'
  | 'whatsapp'
  | 'telegram'
  | 'pinterest'
  | 'email'
  | 'copy'
  | 'native';

/** Code points: never fewer than Bluesky's graphemes, so a text that fits in code points fits there. */
const chars = (text: string): string[] => [...text];

/**
 * The text of a post that must carry the link itself: title, hashtags, URL. Over `limit`
 * characters, the title is shortened with an ellipsis (or dropped); the URL is never cut.
 */
export function postText(data: ShareData, limit = Infinity): string {
  const tail = [...data.tags.map((tag) => `#${tag}`), data.url].join(' ');
  const room = limit - chars(tail).length - 1;
  const title = chars(data.title);
  const head =
    title.length <= room
      ? data.title
      : room > 1
        ? `${title
            .slice(0, room - 1)
            .join('')
            .trimEnd()}…`
        : '';
  return head ? `${head} ${tail}` : tail;
}

/**
 * Brand name and current intent URL of each network, checked against the networks' own
 * documentation in 2026: X `intent/post` (X's docs still name `intent/tweet`, which now redirects
 * there); Bluesky `intent/compose`, text only, 300 graphemes; Threads on threads.com (its docs
 * moved from threads.net), with `tag` for one topic; LinkedIn `share-offsite`; WhatsApp's
 * click-to-chat `wa.me/?text=` (the link inside the text); Telegram's `t.me/share/url`; Pinterest's
 * `pin/create/button` (Pinterest lets the reader pick an image of the page). Mastodon has no
 * central intent: `{i}` is the reader's own server. Placeholders: `{t}` title, `{u}` URL,
 * `{h}` hashtags, `{g}` the first hashtag, `{a}` handle, `{p}` a post with the link inside,
 * `{b}` the same within Bluesky's 300 graphemes, `{e}` an email body. An `&name={x}` whose value
 * is empty is left out.
 */
// Without a prototype: `copy` and `native` have no intent, whatever a page put on Object.prototype.
export const intents: Partial<Record<ShareNetwork, [brand: string, url: string]>> = options({
  x: ['X', 'https://x.com/intent/post?text={t}&url={u}&hashtags={h}&via={a}'],
  bluesky: ['Bluesky', 'https://bsky.app/intent/compose?text={b}'],
  mastodon: ['Mastodon', 'https://{i}/share?text={p}'],
  linkedin: ['LinkedIn', 'https://www.linkedin.com/sharing/share-offsite/?url={u}'],
  threads: ['Threads', 'https://www.threads.com/intent/post?text={t}&url={u}&tag={g}'],
  facebook: ['Facebook', 'https://www.facebook.com/sharer/sharer.php?u={u}'],
  reddit: ['Reddit', 'https://www.reddit.com/submit?url={u}&title={t}'],
  whatsapp: ['WhatsApp', 'https://wa.me/?text={p}'],
  telegram: ['Telegram', 'https://t.me/share/url?url={u}&text={t}'],
  pinterest: ['Pinterest', 'https://www.pinterest.com/pin/create/button/?url={u}&description={t}'],
  email: ['', 'mailto:?subject={t}&body={e}'],
});

export const networks = [...Object.keys(intents), 'copy', 'native'] as ShareNetwork[];

/** The share URL of `network` (one with an entry in `intents`); `instance` is the reader's Mastodon server. */
export function shareUrl(network: ShareNetwork, d: ShareData, instance = ''): string {
  const values: Record<string, string | undefined> = {
    t: d.title,
    u: d.url,
    h: d.tags.join(','),
    g: d.tags[0],
    a: d.handle,
    p: postText(d),
    b: postText(d, 300),
    e: `${d.title}\n\n${d.url}`,
    i: instance,
  };
  return intents[network]![1].replace(/(&\w+=)?\{(\w)\}/g, (_, param = '', key: string) =>
    values[key] ? param + encodeURIComponent(values[key]!) : '',
  );
}

/**
 * A Mastodon server's host name from what a reader types: `mastodon.social`,
 * `https://mastodon.social/about` or a handle `@me@mastodon.social`. Undefined when it is not a host name.
 */
export function toInstance(input: string): string | undefined {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^(https?:\/\/|@?[^@\s/]+@)/, '')
    .split('/')[0]!;
  return /^([a-z\d-]+\.)+[a-z\d-]{2,}$/.test(host) ? host : undefined;
}
