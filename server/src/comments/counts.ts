import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { articleKey, describeUrl } from './mapping.js';
import { SOURCES } from './sources/index.js';
import type { Counts, CountSource } from './sources/types.js';

export interface CountRow {
  articleId: string;
  count: number;
  source: string;
  /** When the count was last written (pushed, or fetched from the source); null: never fetched successfully. */
  updatedAt: number | null;
  /** The count is not the configured source's latest answer: its last ask failed, or it came from elsewhere. */
  stale: boolean;
}

interface Row {
  article_id: string;
  count: number;
  updated_at: number;
  source: string | null;
  checked_at: number | null;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Comment counts answered from the database, refreshed from the configured comment system at most once per TTL.
 * Due ids go to the source in its batch size; an id already being fetched (another request) waits for that fetch
 * instead of asking again. A source that fails or times out leaves the last known count (0 with none), never an error.
 */
export class CommentCounts {
  readonly sourceName: string;
  private readonly source: CountSource | undefined;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly ttlMs: number;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly log: (message: string) => void,
  ) {
    this.sourceName = config.commentSource;
    this.ttlMs = config.commentCacheSeconds * 1000;
    if (config.commentSource !== 'push') {
      this.source = SOURCES[config.commentSource]({
        url: config.commentSourceUrl!,
        token: config.commentSourceToken,
        site: config.commentSourceSite,
        user: config.commentSourceUser,
        category: config.commentSourceCategory,
      });
    }
  }

  /** For the start-up log: no token, no credentials in the URL. */
  describe(): string {
    if (!this.source) return 'comment counts: pushed with PUT /v1/comments/count (COMMENT_SOURCE=push)';
    return (
      `comment counts: from ${this.sourceName} at ${describeUrl(this.config.commentSourceUrl!)}` +
      `${this.config.commentSourceSite ? ` (site ${this.config.commentSourceSite})` : ''}, ` +
      `articles as ${this.config.commentSourceMap}, cached ${this.config.commentCacheSeconds} s`
    );
  }

  async counts(ids: string[]): Promise<Map<string, number>> {
    let rows = await this.rows(ids);
    if (this.source) {
      const now = Date.now();
      // Ids this process is fetching count as due too: their rows already carry the claim, not the count.
      const due = ids.filter((id) => this.inflight.has(id) || this.isDue(rows.get(id), now));
      if (due.length > 0) {
        await this.refresh(due);
        rows = await this.rows(ids);
      }
    }
    return new Map(ids.map((id) => [id, Number(rows.get(id)?.count ?? 0)]));
  }

  async list(limit: number, offset: number): Promise<{ articles: CountRow[]; total: number }> {
    const rows = await this.db
      .selectFrom('comment_counts')
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('article_id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await this.db
      .selectFrom('comment_counts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return { articles: rows.map((row) => this.describeRow(row)), total: Number(total.n) };
  }

  private describeRow(row: Row): CountRow {
    const source = row.source ?? 'push';
    const updatedAt = Number(row.updated_at) > 0 ? Number(row.updated_at) : null;
    const failedSince = row.checked_at !== null && Number(row.checked_at) > Number(row.updated_at);
    const stale = this.source ? source !== this.sourceName || updatedAt === null || failedSince : false;
    return { articleId: row.article_id, count: Number(row.count), source, updatedAt, stale };
  }

  private isDue(row: Row | undefined, now: number): boolean {
    if (!row || row.checked_at === null || row.source !== this.sourceName) return true;
    return now - Number(row.checked_at) >= this.ttlMs;
  }

  private async rows(ids: string[]): Promise<Map<string, Row>> {
    const rows = await this.db.selectFrom('comment_counts').selectAll().where('article_id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.article_id, row]));
  }

  /** Resolves when every id has been fetched (or has failed); never rejects. */
  private async refresh(ids: string[]): Promise<void> {
    const waits: Promise<void>[] = [];
    const fresh: string[] = [];
    for (const id of ids) {
      const pending = this.inflight.get(id);
      if (pending) waits.push(pending);
      else fresh.push(id);
    }
    if (fresh.length > 0) {
      const fetching = this.claimAndFetch(fresh).finally(() => {
        for (const id of fresh) if (this.inflight.get(id) === fetching) this.inflight.delete(id);
      });
      for (const id of fresh) this.inflight.set(id, fetching);
      waits.push(fetching);
    }
    await Promise.all(new Set(waits));
  }

  private async claimAndFetch(ids: string[]): Promise<void> {
    let claimed: string[];
    try {
      claimed = await this.claim(ids, Date.now());
    } catch (error) {
      this.log(`comment counts: could not claim the fetch: ${(error as Error).message}`);
      return;
    }
    await Promise.all(chunks(claimed, this.source!.batchSize).map((batch) => this.fetchBatch(batch)));
  }

  /**
   * Marks the due ids as being fetched now and returns those this process won. Several processes on one PostgreSQL
   * database then ask the comment system once per TTL between them; the others answer the last known count meanwhile.
   */
  private async claim(ids: string[], now: number): Promise<string[]> {
    const name = this.sourceName;
    const updated = await this.db
      .updateTable('comment_counts')
      .set({ checked_at: now })
      .where('article_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('checked_at', 'is', null),
          eb('checked_at', '<=', now - this.ttlMs),
          eb('source', 'is', null),
          eb('source', '!=', name),
        ]),
      )
      .returning('article_id')
      .execute();
    // Never counted before: the new row (0, never fetched) is the claim.
    const inserted = await this.db
      .insertInto('comment_counts')
      .values(ids.map((id) => ({ article_id: id, count: 0, updated_at: 0, source: name, checked_at: now })))
      .onConflict((oc) => oc.column('article_id').doNothing())
      .returning('article_id')
      .execute();
    return [...updated, ...inserted].map((row) => row.article_id);
  }

  private async fetchBatch(ids: string[]): Promise<void> {
    const source = this.source!;
    const byKey = new Map<string, string[]>();
    for (const id of ids) {
      const key = articleKey(this.config.commentSourceMap, id);
      byKey.set(key, [...(byKey.get(key) ?? []), id]);
    }
    const now = Date.now();
    const found: Counts = new Map();
    try {
      await source.fetchCounts([...byKey.keys()], AbortSignal.timeout(this.config.commentSourceTimeoutMs), found);
    } catch (error) {
      // The service's own message, minus the token should a service ever echo it.
      const cause = (error as { cause?: unknown }).cause;
      const message = `${(error as Error).message}${cause instanceof Error ? ` (${cause.message})` : ''}`;
      const token = this.config.commentSourceToken;
      this.log(
        `comment counts: ${source.name} did not answer for ${byKey.size - found.size} of ${byKey.size} article(s): ` +
          (token ? message.split(token).join('[token]') : message),
      );
    }
    const fresh = [...byKey]
      .filter(([key]) => found.has(key))
      .flatMap(([key, articleIds]) =>
        articleIds.map((id) => ({
          article_id: id,
          count: found.get(key)!,
          updated_at: now,
          source: source.name,
          checked_at: now,
        })),
      );
    const unknown = [...byKey].filter(([key]) => !found.has(key)).flatMap(([, articleIds]) => articleIds);
    if (fresh.length > 0) {
      await this.db
        .insertInto('comment_counts')
        .values(fresh)
        .onConflict((oc) =>
          oc.column('article_id').doUpdateSet((eb) => ({
            count: eb.ref('excluded.count'),
            updated_at: eb.ref('excluded.updated_at'),
            source: eb.ref('excluded.source'),
            checked_at: eb.ref('excluded.checked_at'),
          })),
        )
        .execute()
        .catch((e: Error) => this.log(`comment counts: could not store the counts from ${source.name}: ${e.message}`));
    }
    if (unknown.length > 0) {
      // The last known count stays (0 with none: updated_at 0 means never fetched); the time of this try keeps the
      // next one a TTL away, so a failing source is not asked on every request.
      await this.db
        .insertInto('comment_counts')
        .values(
          unknown.map((id) => ({ article_id: id, count: 0, updated_at: 0, source: source.name, checked_at: now })),
        )
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ source: source.name, checked_at: now }))
        .execute()
        .catch((e: Error) => this.log(`comment counts: could not record the failed try: ${e.message}`));
    }
  }
}
