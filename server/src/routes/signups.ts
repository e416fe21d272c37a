import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { takeToken } from '../ratelimit.js';
import type { Database } from '../db/schema.js';
import { clientAddress, json, type Ctx, type Deps, type Env } from '../deps.js';
import { readFields } from '../http/body.js';
import { HttpError } from '../http/errors.js';
import { originChecker } from '../http/origin.js';
import { emailField, idempotencyKey, LIMITS, stringField } from '../http/validate.js';
import { escapeHtml, page, PAGE_HEADERS } from '../html.js';
import { idempotent, type Outcome } from '../idempotency.js';
import { composeMail } from '../mail/compose.js';
import { fromAcceptLanguage, pickLanguage, stringsFor } from '../mail/strings.js';
import { newId, newToken } from '../tokens.js';

const CONFIRM_TTL_MS = 7 * 24 * 3600_000;
const MAIL_GAP_MS = 10 * 60_000;
const MAILS_PER_DAY = 3;

interface Signup {
  email: string;
  name: string | undefined;
  list: string;
  lang: string | undefined;
  consentText: string | undefined;
  consented: boolean;
  source: string | undefined;
  elapsedMs: number | undefined;
}

/** JSON `true`, or a ticked checkbox of a form: whatever its value, unless it says no. */
function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value !== '' && !/^(false|off|0|no)$/i.test(value));
}

function parseSignup(fields: Record<string, unknown>, lists: string[]): Signup {
  const email = emailField(fields);
  const name = stringField(fields, 'name', { max: LIMITS.name })?.trim() || undefined;
  let list = stringField(fields, 'list', { max: LIMITS.id }) ?? '';
  if (lists.length > 0) {
    if (list === '') list = lists[0]!;
    else if (!lists.includes(list)) throw new HttpError(400, 'This list does not exist.');
  }
  const lang = stringField(fields, 'lang', { max: LIMITS.lang });
  if (lang !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang))
    throw new HttpError(400, 'lang must be a language tag.');
  const consentText = stringField(fields, 'consentText', { max: LIMITS.text, multiline: true });
  const source = stringField(fields, 'source', { max: LIMITS.url });
  let elapsedMs: number | undefined;
  const elapsed = fields.elapsedMs;
  if (elapsed !== undefined && elapsed !== null && elapsed !== '') {
    const n = typeof elapsed === 'string' ? Number(elapsed) : elapsed;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
      throw new HttpError(400, 'elapsedMs must be a number ≥ 0.');
    elapsedMs = Math.min(Math.round(n), Number.MAX_SAFE_INTEGER);
  }
  return {
    email,
    name,
    list,
    lang,
    consentText,
    consented: truthy(fields.consent) || consentText !== undefined,
    source,
    elapsedMs,
  };
}

/** A browser navigating with a plain <form> (no JavaScript) wants a page or a redirect, not JSON. */
function isNavigation(c: Ctx): boolean {
  const mode = c.req.header('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  return (
    type.startsWith('application/x-www-form-urlencoded') &&
    (c.req.header('accept') ?? '').includes('text/html') &&
    !c.req.header('idempotency-key')
  );
}

async function record(
  trx: Transaction<Database>,
  deps: Deps,
  signup: Signup,
  emailKey: string,
  lang: string,
): Promise<Outcome> {
  const now = Date.now();
  let query = trx
    .selectFrom('subscribers')
    .selectAll()
    .where('email', '=', signup.email)
    .where('list', '=', signup.list);
  if (deps.store.dialect === 'postgres') query = query.forUpdate();
  const existing = await query.executeTakeFirst();
  const consent = signup.consented
    ? { consent_text: signup.consentText ?? '', consent_at: now, source: signup.source ?? null }
    : { consent_text: null, consent_at: null, source: signup.source ?? null };
  let id: string;
  let kind: 'confirm' | 'already';
  let name = signup.name ?? null;
  if (!existing) {
    id = newId();
    kind = 'confirm';
    await trx
      .insertInto('subscribers')
      .values({
        id,
        email: signup.email,
        list: signup.list,
        name,
        status: 'pending',
        lang,
        ...consent,
        elapsed_ms: signup.elapsedMs ?? null,
        created_at: now,
        confirmed_at: null,
        unsubscribed_at: null,
      })
      .execute();
  } else if (existing.status === 'confirmed') {
    id = existing.id;
    kind = 'already';
    name = existing.name;
  } else {
    id = existing.id;
    kind = 'confirm';
    name = name ?? existing.name;
    await trx
      .updateTable('subscribers')
      .set({ status: 'pending', name, lang, ...consent, elapsed_ms: signup.elapsedMs ?? null, unsubscribed_at: null })
      .where('id', '=', id)
      .execute();
  }

  // At most one mail per address per 10 minutes and 3 a day, whatever it says; the reader's answer does not change.
  const recent = await trx
    .selectFrom('mail_log')
    .select('sent_at')
    .where('email_key', '=', emailKey)
    .where('sent_at', '>', now - 24 * 3600_000)
    .execute();
  const mayMail = recent.length < MAILS_PER_DAY && !recent.some((r) => r.sent_at > now - MAIL_GAP_MS);
  if (mayMail) {
    const unsubscribe = newToken();
    await trx
      .insertInto('tokens')
      .values({
        hash: unsubscribe.hash,
        subscriber_id: id,
        purpose: 'unsubscribe',
        expires_at: null,
        used_at: null,
        created_at: now,
      })
      .execute();
    let confirmUrl: string | undefined;
    if (kind === 'confirm') {
      const confirm = newToken();
      await trx
        .insertInto('tokens')
        .values({
          hash: confirm.hash,
          subscriber_id: id,
          purpose: 'confirm',
          expires_at: now + CONFIRM_TTL_MS,
          used_at: null,
          created_at: now,
        })
        .execute();
      confirmUrl = `${deps.config.publicUrl}/v1/confirm?token=${confirm.token}`;
    }
    const mail = composeMail(
      kind,
      lang,
      { name, address: signup.email },
      { confirmUrl, unsubscribeUrl: `${deps.config.publicUrl}/v1/unsubscribe?token=${unsubscribe.token}` },
    );
    await trx
      .insertInto('mail_queue')
      .values({
        id: newId(),
        subscriber_id: id,
        to_email: signup.email,
        message: JSON.stringify(mail),
        created_at: now,
        attempts: 0,
        next_attempt_at: now,
        locked_until: 0,
        last_error: null,
      })
      .execute();
    await trx.insertInto('mail_log').values({ email_key: emailKey, sent_at: now }).execute();
  }
  return json(202, { status: 'pending', message: stringsFor(lang).signupAccepted });
}

export function signupRoutes(app: Hono<Env>, deps: Deps): void {
  const { config, store, keys } = deps;
  const isAllowed = originChecker(config);

  /** Where a plain form goes back to: its source page, else the Referer, when allowed; else our own page. */
  function backTo(source: string | undefined, referer: string | undefined): string | undefined {
    for (const candidate of [source, referer]) {
      if (!candidate) continue;
      try {
        const url = new URL(candidate);
        if (isAllowed(url.origin)) {
          url.hash = '';
          return url.href;
        }
      } catch {
        /* not a URL: try the next */
      }
    }
    return undefined;
  }

  app.get('/v1/signups/pending', (c) => {
    const lang = pickLanguage(fromAcceptLanguage(c.req.header('accept-language')));
    const s = stringsFor(lang);
    return c.body(page(lang, s.pagePendingTitle, [escapeHtml(s.pagePendingText)]), 200, PAGE_HEADERS);
  });

  app.post('/v1/signups', async (c) => {
    const navigation = isNavigation(c);
    let fields: Record<string, unknown> = {};
    try {
      const body = await readFields(c, true);
      fields = body.fields;
      const key = idempotencyKey(c.req.header('idempotency-key'));
      let outcome: Outcome;
      let lang = pickLanguage(
        typeof fields.lang === 'string' ? fields.lang : fromAcceptLanguage(c.req.header('accept-language')),
      );
      if (typeof fields.website === 'string' && fields.website !== '') {
        // The honeypot: a bot gets the same answer, and nothing is stored or sent.
        outcome = json(202, { status: 'pending', message: stringsFor(lang).signupAccepted });
      } else {
        const signup = parseSignup(fields, config.lists);
        lang = pickLanguage(signup.lang ?? fromAcceptLanguage(c.req.header('accept-language')));
        const emailKey = await keys.emailKey(signup.email);
        const clientKey = await keys.clientKey(clientAddress(c, config.trustProxy));
        const result = await idempotent(
          store.db,
          { scope: 'POST /v1/signups', key, raw: body.raw, subject: emailKey },
          () => takeToken(store.db, 'signups', clientKey, config.rateLimitSignups),
          (trx) => record(trx, deps, signup, emailKey, lang),
        );
        if (!result.replayed) deps.mail.kick();
        outcome = result;
      }
      if (navigation) {
        const target = new URL(
          backTo(typeof fields.source === 'string' ? fields.source : undefined, c.req.header('referer')) ??
            `${config.publicUrl}/v1/signups/pending`,
        );
        target.searchParams.set('lede-signup', 'pending');
        // Which form it was, for a page with several newsletters: the list the form named, if any.
        if (typeof fields.list === 'string' && fields.list !== '') target.searchParams.set('lede-list', fields.list);
        return c.body(null, 303, { Location: target.href, 'Cache-Control': 'no-store' });
      }
      return c.body(outcome.body, outcome.status as 202, { 'Content-Type': 'application/json; charset=utf-8' });
    } catch (error) {
      if (!navigation || !(error instanceof HttpError)) throw error;
      const lang = pickLanguage(
        typeof fields.lang === 'string' ? fields.lang : fromAcceptLanguage(c.req.header('accept-language')),
      );
      const s = stringsFor(lang);
      const back = backTo(typeof fields.source === 'string' ? fields.source : undefined, c.req.header('referer'));
      const link = back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(s.pageBack)}</a></p>` : '';
      return c.body(page(lang, s.pageErrorTitle, [escapeHtml(error.message)], link), error.status as 400, {
        ...PAGE_HEADERS,
        ...error.headers,
      });
    }
  });
}
