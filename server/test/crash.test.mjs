// kill -9 under a load of signups and votes, restart on the same data, resend what got no answer with the same keys.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ADMIN_TOKEN, SITE, createPgDatabase, postJson, startLede, startSmtp, tempDir } from './helpers.mjs';

const SIGNUPS = 100;
const VOTES = 300;
const ARTICLES = 5;
const CONCURRENCY = 16;
const LIMITS = { RATE_LIMIT_SIGNUPS: '1000000', RATE_LIMIT_VOTES: '1000000', VOTE_CAP_PER_ARTICLE: '1000000' };

function workload(tag) {
  const requests = [];
  for (let i = 0; i < SIGNUPS; i++) {
    requests.push({
      path: '/v1/signups',
      key: `${tag}-s-${i}`,
      body: { email: `crash-${tag}-${i}@example.org`, source: `${SITE}/c` },
    });
  }
  for (let i = 0; i < VOTES; i++) {
    requests.push({
      path: '/v1/votes',
      key: `${tag}-v-${i}`,
      body: { articleId: `crash-${tag}-${i % ARTICLES}`, scenarioId: `s${i % 3}`, readerId: `reader-${i}` },
    });
  }
  // Interleave signups and votes.
  return requests.sort((a, b) => (a.key.split('-').pop() % 7) - (b.key.split('-').pop() % 7));
}

async function crashRun(name, startOnce) {
  const smtp = await startSmtp();
  const requests = workload(`${name}${Date.now()}`);
  let server = await startOnce({ SMTP_URL: smtp.url, ...LIMITS });
  const answered = new Map();
  let next = 0;
  let killed = false;
  const killAt = Math.floor(requests.length * 0.4);
  async function worker(url) {
    while (next < requests.length) {
      const request = requests[next++];
      try {
        const response = await postJson(`${url}${request.path}`, request.body, { key: request.key });
        if (response.status >= 200 && response.status < 300) answered.set(request.key, response.text);
      } catch {
        /* no answer: connection refused or reset by the kill */
      }
      if (!killed && answered.size >= killAt) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(server.url)));
  const exit = await server.exited;
  assert.equal(exit.signal, 'SIGKILL');
  const answeredBeforeCrash = answered.size;

  server = await startOnce({ SMTP_URL: smtp.url, ...LIMITS });
  try {
    const unanswered = requests.filter((r) => !answered.has(r.key));
    for (const request of unanswered) {
      const response = await postJson(`${server.url}${request.path}`, request.body, { key: request.key });
      assert.ok(
        response.status >= 200 && response.status < 300,
        `resend ${request.key}: ${response.status} ${response.text}`,
      );
      answered.set(request.key, response.text);
    }
    // A replay of an answer given before the crash is the same answer, byte for byte.
    for (const request of requests.slice(0, 40)) {
      const replay = await postJson(`${server.url}${request.path}`, request.body, { key: request.key });
      assert.equal(replay.text, answered.get(request.key));
    }
    let votesStored = 0;
    for (let a = 0; a < ARTICLES; a++) {
      const articleId = requests.find((r) => r.path === '/v1/votes').body.articleId.replace(/-\d+$/, `-${a}`);
      const { counts } = await (await fetch(`${server.url}/v1/votes?articleId=${articleId}`)).json();
      votesStored += Object.values(counts).reduce((x, y) => x + y, 0);
    }
    const exported = await (
      await fetch(`${server.url}/v1/admin/subscribers`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    const signupEmails = new Set(requests.filter((r) => r.path === '/v1/signups').map((r) => r.body.email));
    const subscribers = exported.subscribers.filter((s) => signupEmails.has(s.email)).length;
    assert.equal(votesStored, VOTES, 'votes stored = distinct keys');
    assert.equal(subscribers, SIGNUPS, 'subscribers stored = distinct keys');
    for (const email of signupEmails) await smtp.waitFor(email, 1, 30_000);
    const mailed = new Set(smtp.mails.map((m) => m.to.value[0].address).filter((a) => signupEmails.has(a)));
    assert.equal(mailed.size, SIGNUPS, 'every answered signup got its mail');
    const duplicates = smtp.mails.filter((m) => signupEmails.has(m.to.value[0].address)).length - mailed.size;
    console.log(
      `crash test (${name}): ${requests.length} requests (${SIGNUPS} signups, ${VOTES} votes), ${answeredBeforeCrash} answered 2xx before kill -9, ` +
        `${requests.length - answeredBeforeCrash} resent after restart; stored: ${votesStored} votes, ${subscribers} subscribers; ` +
        `mails: ${mailed.size} addresses mailed (${duplicates} sent twice: sent, then killed before the queue row was deleted)`,
    );
  } finally {
    await server.stop();
    await smtp.close();
  }
}

describe('crash: kill -9 under load', () => {
  it('embedded SQLite: nothing answered is lost, resends count once, every signup gets its mail', async () => {
    const { dir, remove } = tempDir();
    try {
      await crashRun('sqlite', (env) => startLede(env, { cwd: dir }));
    } finally {
      remove();
    }
  });

  it('PostgreSQL: the same', async (t) => {
    const database = await createPgDatabase('crash');
    if (!database) return t.skip('no PostgreSQL at 127.0.0.1:5432');
    after(() => database.drop());
    await crashRun('postgres', (env) => startLede({ ...env, DATABASE_URL: database.url }));
  });
});
