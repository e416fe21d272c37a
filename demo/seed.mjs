// Demo data, so the demo does not start empty: a few votes and the comment counts for the article
// and the listing in demo/index.html, put into the real lede-server that `npm start` runs.
export const DEMO_ARTICLE_ID = 'lede-demo-ports';
export const DEMO_VOTES = { 'shared-terminals-new-terms': 41, 'rival-hubs': 27, 'managed-decline': 12 };
export const DEMO_COMMENTS = 23;
/** The comment counts of the demo's listing ("More from The Coastal Ledger"); the lighthouse has none yet. */
export const DEMO_LISTING_COMMENTS = {
  'lede-demo-ferry-strike': 148,
  'lede-demo-harbour-budget': 1,
  'lede-demo-dredging': 12,
};

/**
 * Seeds a running lede-server through its public routes: the comment counts with the admin PUT, and
 * the votes one reader at a time (the server must allow that many from one client: the demo raises
 * its vote limits).
 */
export async function seedLedeServer({ url, adminToken }) {
  for (const [articleId, count] of Object.entries({ [DEMO_ARTICLE_ID]: DEMO_COMMENTS, ...DEMO_LISTING_COMMENTS })) {
    const put = await fetch(`${url}/v1/comments/count`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ articleId, count }),
    });
    if (!put.ok) throw new Error(`PUT /v1/comments/count answered ${put.status}: ${await put.text()}`);
  }
  const current = (await (await fetch(`${url}/v1/votes?articleId=${DEMO_ARTICLE_ID}`)).json()).counts ?? {};
  for (const [scenarioId, wanted] of Object.entries(DEMO_VOTES)) {
    for (let n = current[scenarioId] ?? 0; n < wanted; n++) {
      const vote = await fetch(`${url}/v1/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ articleId: DEMO_ARTICLE_ID, scenarioId, readerId: `demo-seed-${crypto.randomUUID()}` }),
      });
      if (!vote.ok) throw new Error(`POST /v1/votes answered ${vote.status}: ${await vote.text()}`);
    }
  }
}
