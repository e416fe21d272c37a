/** What a share link carries: the page's URL and title, hashtags without `#`, and an X handle without `@`. */
export interface ShareData {
  url: string;
  title: string;
  tags: string[];
  handle?: string;
}

/** Every token the `share` attribute accepts, in the SPEC's order. */
export type ShareNetwork = 'x' | 'bluesky' | 'mastodon' | 'linkedin' | 'threads' | 'facebook' | 'reddit' | 'email' | 'copy' | 'native';

/** A URL with a percent-encoded query (`%20`, never `+`, so mail clients read spaces right); empty values are left out. */
const query = (base: string, params: Record<string, string | undefined>): string =>
  `${base}?${Object.entries(params)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&')}`;

const graphemes = (text: string): string[] => Array.from(new Intl.Segmenter().segment(text), (s) => s.segment);

/**
 * The text of a post that must carry the link itself: title, hashtags, URL. Over `limit`
 * graphemes, the title is shortened with an ellipsis (or dropped); the URL is never cut.
 */
export function postText(data: ShareData, limit = Infinity): string {
  const tail = [...data.tags.map((tag) => `#${tag}`), data.url].join(' ');
  const room = limit - graphemes(tail).length - 1;
  const title = graphemes(data.title);
  const head = title.length <= room ? data.title : room > 1 ? `${title.slice(0, room - 1).join('').trimEnd()}…` : '';
  return head ? `${head} ${tail}` : tail;
}

/**
 * Each network's current intent URL (checked against the networks' own documentation in 2026:
 * X `intent/post`, Bluesky `intent/compose` (text only, 300 graphemes), Threads on threads.com
 * with `tag` for a topic, LinkedIn `share-offsite`). Mastodon has no central intent: its URL is
 * built from the reader's own server by `mastodonUrl`.
 */
export const intents: Partial<Record<ShareNetwork, (data: ShareData) => string>> = {
  x: (d) => query('https://x.com/intent/post', { text: d.title, url: d.url, hashtags: d.tags.join(','), via: d.handle }),
  bluesky: (d) => query('https://bsky.app/intent/compose', { text: postText(d, 300) }),
  linkedin: (d) => query('https://www.linkedin.com/sharing/share-offsite/', { url: d.url }),
  threads: (d) => query('https://www.threads.com/intent/post', { text: d.title, url: d.url, tag: d.tags[0] }),
  facebook: (d) => query('https://www.facebook.com/sharer/sharer.php', { u: d.url }),
  reddit: (d) => query('https://www.reddit.com/submit', { url: d.url, title: d.title }),
  email: (d) => query('mailto:', { subject: d.title, body: `${d.title}\n\n${d.url}` }),
};

/** Brand names, shown as they are in every language. */
export const brands: Partial<Record<ShareNetwork, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  threads: 'Threads',
  facebook: 'Facebook',
  reddit: 'Reddit',
};

export const networks = [...Object.keys(brands), 'email', 'copy', 'native'] as ShareNetwork[];

export const mastodonUrl = (instance: string, data: ShareData): string => query(`https://${instance}/share`, { text: postText(data) });

/**
 * A Mastodon server's host name from what a reader types: `mastodon.social`,
 * `https://mastodon.social/` or a handle `@me@mastodon.social`. Undefined when it is not a host name.
 */
export function toInstance(input: string): string | undefined {
  const value = input.trim().replace(/^@?[^@/\s]+@/, '');
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    return /^([a-z\d]([a-z\d-]*[a-z\d])?\.)+[a-z\d-]{2,}$/.test(url.hostname) && !url.port ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}
