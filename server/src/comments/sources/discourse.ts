// Discourse: `GET /embed/info?embed_url={url}` with the Api-Key and Api-Username headers answers the embedded topic,
// `{ topic_id, post_id, topic_slug, comment_count }` (comment_count = posts_count - 1, the replies), or 404 when no
// topic embeds that URL yet. Documents: authentication headers from the Discourse API docs (https://docs.discourse.org,
// "Authentication"); the route is not in those docs, so its shape is taken from Discourse's own code
// (discourse/discourse app/controllers/embed_controller.rb `info`, app/serializers/topic_embed_serializer.rb).
// One URL per request: Discourse has no batch lookup with numbers (its /embed/count answers localized text).
import { countOf, SourceError, requestJson, type CountSource, type SourceSettings } from './types.js';

const PARALLEL = 8;

export function discourseSource(settings: SourceSettings): CountSource {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.token) headers['Api-Key'] = settings.token;
  if (settings.user) headers['Api-Username'] = settings.user;

  async function one(url: string, signal: AbortSignal): Promise<number> {
    try {
      const body = (await requestJson(
        `${settings.url}/embed/info?embed_url=${encodeURIComponent(url)}`,
        { headers },
        signal,
      )) as { comment_count?: unknown } | undefined;
      return countOf(body?.comment_count, `comment_count of ${url}`);
    } catch (error) {
      // No topic for this URL yet: nobody has commented.
      if (error instanceof SourceError && error.cause === 404) return 0;
      throw error;
    }
  }

  return {
    name: 'discourse',
    // One call looks up every URL of a request, PARALLEL at a time, within one COMMENT_SOURCE_TIMEOUT_MS.
    batchSize: 200,
    async fetchCounts(keys, signal, found) {
      let next = 0;
      const worker = async () => {
        while (next < keys.length) {
          const key = keys[next++]!;
          found.set(key, await one(key, signal));
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, keys.length) }, worker));
    },
  };
}
