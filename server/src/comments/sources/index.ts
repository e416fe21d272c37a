import { coralSource } from './coral.js';
import { discourseSource } from './discourse.js';
import { giscusSource } from './giscus.js';
import { hyvorSource } from './hyvor.js';
import { issoSource } from './isso.js';
import { remark42Source } from './remark42.js';
import type { CountSource, SourceSettings } from './types.js';

/** Every comment system a count can come from; "push" is the admin PUT and needs no adapter. */
export const SOURCES = {
  remark42: remark42Source,
  isso: issoSource,
  discourse: discourseSource,
  coral: coralSource,
  giscus: giscusSource,
  hyvor: hyvorSource,
} satisfies Record<string, (settings: SourceSettings) => CountSource>;

export type SourceName = keyof typeof SOURCES | 'push';
export const SOURCE_NAMES: readonly SourceName[] = ['push', ...(Object.keys(SOURCES) as (keyof typeof SOURCES)[])];

/** Where the public services live when COMMENT_SOURCE_URL is not given (self-hosted ones have no default). */
export const DEFAULT_URLS: Partial<Record<SourceName, string>> = {
  giscus: 'https://api.github.com/graphql',
  hyvor: 'https://talk.hyvor.com',
};
