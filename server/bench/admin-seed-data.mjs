// The admin bench's and screenshots' data, written straight into a migrated database (bulk inserts):
// a year of signups on three lists and votes on many articles, popular articles first. The same rows
// on SQLite and PostgreSQL, from the same formulas.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_DIR } from '../../scripts/lede-server.mjs';

const DAY = 86_400_000;
const LISTS = ['weekly', 'daily', 'breaking'];
const SCENARIOS = ['rival-hubs', 'joint-hub', 'managed-decline', 'status-quo'];

/**
 * Row generators for `subscribers` subscribers and `votes` votes over `articles` articles, ending `now`;
 * article k is `articleIds[k]` when given, else `article-k`.
 */
export function bulkData({ subscribers, votes, articles, now = Date.now(), articleIds = [] }) {
  const subscriberRow = (i) => {
    const roll = i % 10;
    const status = roll < 7 ? 'confirmed' : roll < 9 ? 'pending' : 'unsubscribed';
    // Rows arrive in time order, as signups do: a year, oldest first, with some days busier than others.
    const created = now - 365 * DAY + Math.floor((i / subscribers) * 365 * DAY) - ((i * 7919) % 600_000);
    return {
      id: `bench-s-${i}`,
      email: `reader${i}@example${i % 97}.org`,
      list: LISTS[i % LISTS.length],
      status,
      created,
      confirmed: status === 'pending' ? null : created + 600_000,
      unsubscribed: status === 'unsubscribed' ? created + 30 * DAY : null,
    };
  };
  const voteRow = (i) => {
    // Article k gets about 1/(k+1) of the votes (a few big stories, a long tail).
    const article = Math.min(
      articles - 1,
      Math.floor(Math.exp((((i * 2654435761) % 4294967296) / 4294967296) * Math.log(articles + 1))) - 1,
    );
    return {
      article: articleIds[Math.max(0, article)] ?? `article-${Math.max(0, article)}`,
      reader: `bench-r-${i}`,
      scenario: SCENARIOS[(i * 31) % SCENARIOS.length],
      created: now - 365 * DAY + Math.floor((i / votes) * 365 * DAY),
    };
  };

  return { subscribers, votes, subscriberRow, voteRow };
}

/** Fills the embedded database in `dataDir` (lede-server must have migrated it and stopped). */
export async function seedSqlite(dataDir, data) {
  const { subscriberRow, voteRow } = data;
  const require = createRequire(join(SERVER_DIR, 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(join(dataDir, 'lede.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertSubscriber = db.prepare(
    `insert into subscribers (id, email, list, name, status, lang, consent_text, consent_at, source, elapsed_ms,
       created_at, confirmed_at, unsubscribed_at)
     values (?, ?, ?, null, ?, 'en', 'Send me the newsletter.', ?, 'https://news.example/a', 5000, ?, ?, ?)`,
  );
  const insertVote = db.prepare(
    `insert into votes (article_id, reader_id, scenario_id, client_key, created_at) values (?, ?, ?, 'bench', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < data.subscribers; i++) {
      const s = subscriberRow(i);
      insertSubscriber.run(s.id, s.email, s.list, s.status, s.created, s.created, s.confirmed, s.unsubscribed);
    }
    for (let i = 0; i < data.votes; i++) {
      const v = voteRow(i);
      insertVote.run(v.article, v.reader, v.scenario, v.created);
    }
    db.exec(
      `insert into vote_counts (article_id, scenario_id, n) select article_id, scenario_id, count(*) from votes group by 1, 2`,
    );
  })();
  db.exec('analyze');
  db.close();
}

/** PostgreSQL: the rows come from the same formulas, generated in one statement each by generate_series. */
export async function seedPostgres(url, data) {
  const { subscriberRow, voteRow } = data;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Batches of JSON rows built by the same functions as SQLite's, so both databases hold the same data.
  const batch = 20_000;
  for (let from = 0; from < data.subscribers; from += batch) {
    const rows = [];
    for (let i = from; i < Math.min(data.subscribers, from + batch); i++) rows.push(subscriberRow(i));
    await client.query(
      `insert into subscribers (id, email, list, name, status, lang, consent_text, consent_at, source, elapsed_ms,
         created_at, confirmed_at, unsubscribed_at)
       select r.id, r.email, r.list, null, r.status, 'en', 'Send me the newsletter.', r.created,
         'https://news.example/a', 5000, r.created, r.confirmed, r.unsubscribed
       from json_to_recordset($1::json) as r(id text, email text, list text, status text, created bigint,
         confirmed bigint, unsubscribed bigint)`,
      [JSON.stringify(rows)],
    );
  }
  for (let from = 0; from < data.votes; from += batch * 2) {
    const rows = [];
    for (let i = from; i < Math.min(data.votes, from + batch * 2); i++) rows.push(voteRow(i));
    await client.query(
      `insert into votes (article_id, reader_id, scenario_id, client_key, created_at)
       select r.article, r.reader, r.scenario, 'bench', r.created
       from json_to_recordset($1::json) as r(article text, reader text, scenario text, created bigint)`,
      [JSON.stringify(rows)],
    );
  }
  await client.query(
    `insert into vote_counts (article_id, scenario_id, n) select article_id, scenario_id, count(*) from votes group by 1, 2`,
  );
  await client.query('vacuum analyze');
  await client.end();
}
