import type { Hono } from 'hono';
import type { Deps, Env } from '../deps.js';
import { enqueueForwards } from '../forwarding/queue.js';
import { escapeHtml, page, PAGE_HEADERS } from '../html.js';
import { stringsFor, pickLanguage } from '../mail/strings.js';
import { hashToken } from '../tokens.js';

/** The pages a mail links to: confirm (GET confirms), unsubscribe (GET shows a button, POST unsubscribes: RFC 8058). */
export function linkRoutes(app: Hono<Env>, deps: Deps): void {
  const { store } = deps;

  async function findToken(token: string | undefined, purpose: 'confirm' | 'unsubscribe') {
    if (!token || token.length > 200) return undefined;
    return store.db
      .selectFrom('tokens')
      .innerJoin('subscribers', 'subscribers.id', 'tokens.subscriber_id')
      .select([
        'tokens.hash',
        'tokens.expires_at',
        'tokens.used_at',
        'subscribers.id as subscriberId',
        'subscribers.lang',
        'subscribers.status',
        'subscribers.email',
        'subscribers.list',
        'subscribers.name',
        'subscribers.source',
        'subscribers.consent_text',
        'subscribers.consent_at',
      ])
      .where('tokens.hash', '=', hashToken(token))
      .where('tokens.purpose', '=', purpose)
      .executeTakeFirst();
  }

  function render(
    lang: string | null,
    status: number,
    title: keyof ReturnType<typeof stringsFor>,
    text: keyof ReturnType<typeof stringsFor>,
    extra = '',
  ) {
    const s = stringsFor(lang);
    return new Response(page(pickLanguage(lang), s[title], [escapeHtml(s[text])], extra), {
      status,
      headers: PAGE_HEADERS,
    });
  }

  app.get('/v1/confirm', async (c) => {
    const found = await findToken(c.req.query('token'), 'confirm');
    if (!found) return render(null, 404, 'pageUnknownTitle', 'pageUnknownText');
    if (found.used_at !== null) return render(found.lang, 200, 'pageAlreadyTitle', 'pageAlreadyText');
    const now = Date.now();
    if (found.expires_at !== null && found.expires_at < now)
      return render(found.lang, 410, 'pageExpiredTitle', 'pageExpiredText');
    const first = await store.db.transaction().execute(async (trx) => {
      // Single use: only the request that flips used_at confirms; a double click sees "already confirmed".
      const used = await trx
        .updateTable('tokens')
        .set({ used_at: now })
        .where('hash', '=', found.hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await trx
        .updateTable('subscribers')
        .set({ status: 'confirmed', confirmed_at: now, unsubscribed_at: null })
        .where('id', '=', found.subscriberId)
        .execute();
      // In the same transaction: a confirmed subscriber always has its forwards queued, even if we crash right after.
      await enqueueForwards(trx, deps.config.forwarders, 'subscribe', { ...found, confirmed_at: now }, now);
      return true;
    });
    if (first) deps.forwarding.kick();
    return first
      ? render(found.lang, 200, 'pageConfirmedTitle', 'pageConfirmedText')
      : render(found.lang, 200, 'pageAlreadyTitle', 'pageAlreadyText');
  });

  app.get('/v1/unsubscribe', async (c) => {
    const token = c.req.query('token');
    const found = await findToken(token, 'unsubscribe');
    if (!found) return render(null, 404, 'pageUnknownTitle', 'pageUnknownText');
    const s = stringsFor(found.lang);
    const form = `<form method="post" action="/v1/unsubscribe?token=${encodeURIComponent(token!)}"><button type="submit">${escapeHtml(s.pageUnsubscribeButton)}</button></form>`;
    return render(found.lang, 200, 'pageUnsubscribeTitle', 'pageUnsubscribeText', form);
  });

  app.post('/v1/unsubscribe', async (c) => {
    // The body (List-Unsubscribe=One-Click, or the page's empty form) carries nothing we need; the token is the key.
    await c.req.raw.body?.cancel().catch(() => {});
    const found = await findToken(c.req.query('token'), 'unsubscribe');
    if (!found) return render(null, 404, 'pageUnknownTitle', 'pageUnknownText');
    if (found.status !== 'unsubscribed') {
      const queued = await store.db.transaction().execute(async (trx) => {
        const changed = await trx
          .updateTable('subscribers')
          .set({ status: 'unsubscribed', unsubscribed_at: Date.now() })
          .where('id', '=', found.subscriberId)
          .where('status', '=', found.status)
          .executeTakeFirst();
        // Only a confirmed subscriber was ever forwarded; a pending one has nothing to take back.
        if (Number(changed.numUpdatedRows) !== 1 || found.status !== 'confirmed') return 0;
        return enqueueForwards(trx, deps.config.forwarders, 'unsubscribe', { ...found, confirmed_at: null });
      });
      if (queued > 0) deps.forwarding.kick();
    }
    return render(found.lang, 200, 'pageUnsubscribedTitle', 'pageUnsubscribedText');
  });
}
