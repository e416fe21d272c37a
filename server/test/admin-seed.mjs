// Seeds a running lede-server through its public routes, as readers would: signups (confirmed and
// unsubscribed with the links of the mails it wrote to its mail folder) and votes. Used by the
// dashboard tests and the screenshot script.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export const SITE = 'https://news.example';

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: SITE, 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** The mail lede-server wrote to `address` (waits for the mail worker). */
async function mailTo(mailDir, address) {
  for (let tries = 0; tries < 150; tries++) {
    let names = [];
    try {
      names = readdirSync(mailDir).filter((name) => name.endsWith('.eml'));
    } catch {
      // The folder appears with the first mail.
    }
    for (const name of names) {
      const mail = await simpleParser(readFileSync(join(mailDir, name)));
      if (mail.to?.value.some((v) => v.address === address)) return mail;
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`no mail to ${address} in ${mailDir}`);
}

/**
 * `signups`: `{ email, list, then?: 'confirm' | 'unsubscribe' }` ('unsubscribe' confirms first);
 * `votes`: `{ articleId, scenarioId, n }`.
 */
export async function seedThroughRoutes({ url, mailDir, signups = [], votes = [] }) {
  for (const s of signups) {
    await post(`${url}/v1/signups`, {
      email: s.email,
      list: s.list,
      consent: true,
      consentText: 'Send me the weekly newsletter. I can unsubscribe at any time.',
      source: `${SITE}/articles/port-pact`,
      elapsedMs: 5000,
    });
  }
  for (const s of signups.filter((s) => s.then)) {
    const mail = await mailTo(mailDir, s.email);
    const confirm = mail.text.match(/(https?:\/\/\S+\/v1\/confirm\?token=[\w.~%-]+)/)?.[1];
    const unsubscribe = mail.headerLines
      .find((header) => header.key === 'list-unsubscribe')
      ?.line.match(/(https?:\/\/[^\s>]+\/v1\/unsubscribe\?token=[\w.~%-]+)/)?.[1];
    if (!confirm || !unsubscribe) throw new Error(`no links in the mail to ${s.email}:\n${mail.text}`);
    const confirmed = await fetch(new URL(new URL(confirm).pathname + new URL(confirm).search, url));
    if (!confirmed.ok) throw new Error(`confirming ${s.email} answered ${confirmed.status}`);
    if (s.then === 'unsubscribe') {
      const target = new URL(unsubscribe);
      const done = await fetch(new URL(target.pathname + target.search, url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      if (!done.ok) throw new Error(`unsubscribing ${s.email} answered ${done.status}`);
    }
  }
  for (const v of votes) {
    for (let i = 0; i < v.n; i++) {
      await post(`${url}/v1/votes`, {
        articleId: v.articleId,
        scenarioId: v.scenarioId,
        readerId: crypto.randomUUID(),
      });
    }
  }
}

/** The seed the dashboard tests check against, and what the overview must then show. */
export const SEED = {
  signups: [
    { email: 'ada@example.org', list: 'weekly', then: 'confirm' },
    { email: 'bo@example.org', list: 'weekly', then: 'unsubscribe' },
    { email: 'cy@example.org', list: 'weekly' },
    { email: 'dee@example.org', list: 'daily' },
  ],
  votes: [
    { articleId: 'port-pact', scenarioId: 'rival-hubs', n: 3 },
    { articleId: 'port-pact', scenarioId: 'joint-hub', n: 2 },
    { articleId: 'harbour-budget', scenarioId: 'cuts', n: 1 },
  ],
  expected: { confirmed: 1, pending: 2, unsubscribed: 1, rate: 0.5, votes: 6, articles: 2 },
};

/** Limits high enough for one test client to play every reader. */
export const SEED_ENV = {
  RATE_LIMIT_SIGNUPS: '1000',
  RATE_LIMIT_VOTES: '1000',
  VOTE_CAP_PER_ARTICLE: '1000',
};
