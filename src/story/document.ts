/** A whole article and the engagement around it: the shape `schema.json` describes. */
export interface LedeDocument {
  headline: string;
  dek?: string;
  byline?: string;
  /** ISO 8601. */
  published?: string;
  /** ISO 8601. */
  updated?: string;
  url?: string;
  /** HTML, untrusted: sanitized by `<lede-article>`. */
  body: string;
  keyPoints?: { heading?: string; ordered?: boolean; items: { title?: string; text: string }[] };
  scenarios?: {
    heading?: string;
    voteEndpoint?: string;
    /** ISO 8601: voting ends then, and the cards show the results. */
    closes?: string;
    /** Show the results to every reader, voted or not. */
    showResults?: boolean;
    items: { id: string; title: string; summary: string }[];
  };
  commentPrompt?: {
    heading?: string;
    prompt?: string;
    commentsHref?: string;
    countSrc?: string;
    share?: string[];
    hashtag?: string;
    handle?: string;
  };
  newsletter?: {
    heading?: string;
    text?: string;
    action: string;
    provider?: 'json' | 'form';
    consent?: string;
    list?: string;
  };
}
