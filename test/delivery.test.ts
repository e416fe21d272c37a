import { expect } from '@open-wc/testing';
import { backoffMs, deliver, retryAfterMs } from '../src/core/delivery.js';
import { enqueue, flush, pending, watchOutbox, type OutboxEntry } from '../src/core/outbox.js';
import { EndpointSession, goOffline, until } from './helpers/endpoint.js';

const fast = { backoff: 20, timeout: 1000 };
const vote = (session: EndpointSession, scenarioId = 'a') => ({
  url: session.url('votes'),
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ articleId: 'art', scenarioId }),
});

describe('delivery', () => {
  let session: EndpointSession;
  beforeEach(() => {
    session = new EndpointSession();
    localStorage.removeItem('lede-outbox');
  });

  it("delivers and returns the endpoint's JSON", async () => {
    const result = await deliver(vote(session), { ...fast, idempotencyKey: 'k1' });
    expect(result).to.deep.equal({ ok: true, status: 200, data: { counts: { a: 1 } } });
    const [request] = await session.requests('votes');
    expect(request!.headers['idempotency-key']).to.equal('k1');
  });

  it('retries a 500 twice with the same Idempotency-Key, then succeeds once', async () => {
    await session.fail('votes', { status: 500 }, { status: 503 });
    const attempts: number[] = [];
    const result = await deliver(vote(session), {
      ...fast,
      idempotencyKey: 'same',
      onAttempt: (n) => attempts.push(n),
    });
    expect(result.ok).to.be.true;
    expect(attempts).to.deep.equal([1, 2, 3]);
    const requests = await session.requests('votes');
    expect(requests.map((r) => r.headers['idempotency-key'])).to.deep.equal(['same', 'same', 'same']);
    expect((await session.log()).votes.art).to.deep.equal({ a: 1 });
  });

  it('waits for Retry-After on 429', async () => {
    await session.fail('votes', { status: 429, headers: { 'Retry-After': '1' } });
    const result = await deliver(vote(session), { ...fast, idempotencyKey: 'r' });
    expect(result.ok).to.be.true;
    const [first, second] = await session.requests('votes');
    expect(second!.at - first!.at).to.be.at.least(950);
  });

  it('gives up on a Retry-After longer than maxDelay, as unavailable', async () => {
    await session.fail('votes', { status: 429, headers: { 'Retry-After': '3600' } });
    const result = await deliver(vote(session), { ...fast, maxDelay: 2000 });
    expect(result).to.include({ ok: false, outcome: 'unavailable', reason: 'server', status: 429 });
    expect(await session.requests('votes')).to.have.length(1);
  });

  it('times out a hanging endpoint, then retries', async () => {
    await session.fail('votes', { hang: true });
    const result = await deliver(vote(session), { ...fast, timeout: 300, idempotencyKey: 'h' });
    expect(result.ok).to.be.true;
    expect(await session.requests('votes')).to.have.length(2);
  });

  it('reports a dropped connection after the last retry as unavailable (network)', async () => {
    await session.fail('votes', { drop: true }, { drop: true });
    const result = await deliver(vote(session), { ...fast, retries: 1 });
    expect(result).to.include({ ok: false, outcome: 'unavailable', reason: 'network' });
  });

  it("does not retry a 4xx and passes on the endpoint's message", async () => {
    await session.fail('votes', { status: 400, body: { error: 'No such scenario.' } });
    const result = await deliver(vote(session), fast);
    expect(result).to.include({ ok: false, outcome: 'refused', status: 400, message: 'No such scenario.' });
    expect(await session.requests('votes')).to.have.length(1);
  });

  it('never calls an unreadable 200 a success', async () => {
    await session.fail(
      'votes',
      { status: 200, body: '<html>captive portal</html>' },
      { status: 200, body: '<html>captive portal</html>' },
    );
    const result = await deliver(vote(session), { ...fast, retries: 1 });
    expect(result).to.include({ ok: false, outcome: 'unavailable', reason: 'unreadable' });
  });

  it('stops at once when the browser is offline', async () => {
    await goOffline(300);
    expect(navigator.onLine).to.be.false;
    const result = await deliver(vote(session), fast);
    await until(() => navigator.onLine, 'the tab to come back online');
    expect(result).to.include({ ok: false, outcome: 'unavailable', reason: 'offline' });
    expect(await session.requests('votes')).to.have.length(0);
  });

  it('computes Retry-After and backoff with jitter', () => {
    expect(retryAfterMs('2')).to.equal(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).to.equal(6000);
    expect(retryAfterMs('soon')).to.be.undefined;
    for (let i = 0; i < 50; i++) {
      const ms = backoffMs(3, 100, 10_000);
      expect(ms).to.be.within(200, 400);
    }
    expect(backoffMs(20, 100, 1000)).to.be.at.most(1000);
  });

  describe('outbox', () => {
    const entry = (key: string, scenarioId = 'a') => ({
      channel: 'votes',
      request: vote(session, scenarioId),
      idempotencyKey: key,
    });

    it('keeps entries across reloads (localStorage) and sends each exactly once on flush', async () => {
      enqueue(entry('one', 'a'));
      enqueue(entry('two', 'b'));
      enqueue(entry('one', 'a')); // The same key again is not a second entry.
      expect(pending('votes')).to.have.length(2);
      const results: string[] = [];
      await flush('votes', (e, r) => results.push(`${e.idempotencyKey}:${r.ok}`));
      expect(results).to.deep.equal(['one:true', 'two:true']);
      expect(pending('votes')).to.have.length(0);
      expect((await session.log()).votes.art).to.deep.equal({ a: 1, b: 1 });
    });

    it('sends once when several flushes (tabs) race', async () => {
      enqueue(entry('race'));
      await Promise.all([flush('votes', () => {}), flush('votes', () => {}), flush('votes', () => {})]);
      expect(await session.requests('votes')).to.have.length(1);
    });

    it('sends once when two same-origin frames flush at the same time', async () => {
      enqueue(entry('frames'));
      const frames = [0, 1].map(() => {
        const frame = document.createElement('iframe');
        document.body.append(frame);
        return frame;
      });
      const script = `import('${new URL('../src/core/outbox.ts', import.meta.url).href}').then((m) => m.flush('votes', () => {})).then(() => (window.done = true));`;
      for (const frame of frames) {
        const s = frame.contentDocument!.createElement('script');
        s.type = 'module';
        s.textContent = script;
        frame.contentDocument!.body.append(s);
      }
      await until(
        () => frames.every((f) => (f.contentWindow as Window & { done?: boolean }).done === true),
        'both frames to flush',
      );
      frames.forEach((f) => f.remove());
      expect(await session.requests('votes')).to.have.length(1);
      expect(pending('votes')).to.have.length(0);
    });

    it('keeps an entry while the endpoint is down and stops the flush there', async () => {
      enqueue(entry('down-1', 'a'));
      enqueue(entry('down-2', 'b'));
      await session.fail('votes', { status: 503 }, { status: 503 });
      await flush('votes', () => {});
      expect(pending('votes').map((e) => e.idempotencyKey)).to.deep.equal(['down-1', 'down-2']);
    });

    it('drops an entry the endpoint refuses, and reports it', async () => {
      enqueue(entry('refused'));
      await session.fail('votes', { status: 422, body: { error: 'Voting has closed.' } });
      const seen: { entry: OutboxEntry; message?: string }[] = [];
      await flush('votes', (e, r) =>
        seen.push({ entry: e, message: !r.ok && r.outcome === 'refused' ? r.message : undefined }),
      );
      expect(seen[0]!.message).to.equal('Voting has closed.');
      expect(pending('votes')).to.have.length(0);
    });

    it('flushes when the browser comes back online, exactly once', async () => {
      await goOffline(400);
      enqueue(entry('back-online'));
      const delivered: string[] = [];
      const sentWhileOffline: string[] = [];
      const stop = watchOutbox('votes', (e) => {
        delivered.push(e.idempotencyKey);
        if (!navigator.onLine) sentWhileOffline.push(e.idempotencyKey);
      });
      await until(() => delivered.length === 1, 'the outbox to flush');
      expect(sentWhileOffline, 'nothing is sent while offline').to.have.length(0);
      stop();
      expect(await session.requests('votes')).to.have.length(1);
    });
  });
});
