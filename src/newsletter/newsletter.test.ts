import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { enqueue, pending } from '../core/outbox.js';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { EndpointSession, goOffline, until } from '../../test/helpers/endpoint.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import { isEmail } from './email.js';
import './index.js';
import { LedeNewsletter, type NewsletterSignup } from './newsletter.js';

const fast = { backoff: 20, timeout: 1000 };
/** What `source` must be: the page's origin and path, without the test runner's query string. */
const page = () => location.origin + location.pathname;
const root = (el: LedeNewsletter) => el.shadowRoot!;
const field = (el: LedeNewsletter, name: string) => root(el).querySelector<HTMLInputElement>(`[name=${name}]`)!;
const status = (el: LedeNewsletter) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';
const submitButton = (el: LedeNewsletter) => root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;

function type(el: LedeNewsletter, name: string, value: string) {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function submit(el: LedeNewsletter, email?: string) {
  if (email !== undefined) type(el, 'email', email);
  submitButton(el).click();
  await el.updateComplete;
}

const statusIs = (el: LedeNewsletter, text: string | RegExp, timeout?: number) =>
  until(
    () => (typeof text === 'string' ? status(el) === text : text.test(status(el))),
    `status "${text}" (was "${status(el)}")`,
    timeout,
  );

const VALID = [
  'simple@example.com',
  'first.last+news@example.co.uk',
  "o'brien@example.ie",
  'reader@mail.sub.example.museum',
  'x@example.photography',
  'jörg@bücher.de',
  'user@example.xn--p1ai',
  'новости@пример.рф',
  '用户@例子.广告',
  'Δοκιμή@παράδειγμα.δοκιμή',
  'customer/department=shipping@example.com',
  "!#$%&'*+-/=?^_`{}|~@example.org",
  '1234567890@123.example.com',
  'UPPER.Case@EXAMPLE.COM',
  'a@b.co',
  `${'a'.repeat(64)}@example.com`,
];

const INVALID = [
  '',
  'plainaddress',
  '@example.com',
  'user@',
  'user@example',
  'user example@example.com',
  'user@exa mple.com',
  ' user@example.com',
  'user..dots@example.com',
  '.user@example.com',
  'user.@example.com',
  'user@.example.com',
  'user@example..com',
  'user@example.com.',
  'user@-example.com',
  'user@example-.com',
  'user@@example.com',
  'user@exa@mple.com',
  'user@example.c',
  'user@example.123',
  'user@[127.0.0.1]',
  '"quoted"@example.com',
  'user@exam_ple.com',
  'user<script>@example.com',
  'user,name@example.com',
  'user(comment)@example.com',
  `${'a'.repeat(65)}@example.com`,
  `user@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.com`,
  'user@example.com\n',
];

describe('<lede-newsletter>', () => {
  let session: EndpointSession;
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    session = new EndpointSession();
    localStorage.removeItem('lede-outbox');
    errors = captureLedeErrors();
  });
  afterEach(() => {
    errors.stop();
    localStorage.removeItem('lede-outbox');
  });

  const make = (attrs = '', delivery: object = fast) =>
    fixture<LedeNewsletter>(
      html`<lede-newsletter action=${session.url('signup')} .delivery=${delivery} .innerHTML=${''}></lede-newsletter>`,
    ).then(async (el) => {
      for (const [k, v] of attrs
        .split(' ')
        .filter(Boolean)
        .map((a) => a.split('=')))
        el.setAttribute(k!, v ?? '');
      await el.updateComplete;
      return el;
    });

  describe('email validation', () => {
    it(`accepts ${VALID.length} unusual but valid addresses`, () => {
      for (const address of VALID) expect(isEmail(address), address).to.be.true;
    });
    it(`rejects ${INVALID.length} invalid addresses`, () => {
      for (const address of INVALID) expect(isEmail(address), JSON.stringify(address)).to.be.false;
    });

    it('shows the error beside the field, marks it invalid, moves focus there, and sends nothing', async () => {
      const el = await make();
      await submit(el, 'user..dots@example.com');
      const input = field(el, 'email');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = root(el).getElementById(input.getAttribute('aria-describedby')!)!;
      expect(error.textContent).to.contain('name@example.com');
      expect(root(el).activeElement).to.equal(input);
      expect(input.value, 'the typed email is kept').to.equal('user..dots@example.com');
      await expectNoAxeViolations(el);
      expect(await session.requests('signup')).to.have.length(0);
    });

    it('accepts an IDN address typed into the real email field and sends it', async () => {
      const el = await make();
      await submit(el, 'jörg@bücher.de');
      await statusIs(el, /Thanks/);
      const [subscriber] = (await session.log()).subscribers;
      expect(subscriber!.email.startsWith('jörg@')).to.be.true;
    });
  });

  describe('request shapes', () => {
    it('json: POST to action, application/json, an Idempotency-Key, and { email, name, consent, list, source }', async () => {
      const el = await make('name-field consent=I\u00a0agree list=weekly');
      type(el, 'name', 'Ada');
      field(el, 'consent').click();
      const subscribed = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('lede-subscribed', resolve as never),
      );
      await submit(el, 'ada@example.com');
      const event = await subscribed;
      const [request] = await session.requests('signup');
      expect(request!.method).to.equal('POST');
      expect(request!.headers['content-type']).to.equal('application/json');
      expect(request!.headers['idempotency-key']).to.match(/^[\w-]{16,}$/);
      const { elapsedMs, ...body } = request!.body as { elapsedMs: number };
      expect(body).to.deep.equal({
        email: 'ada@example.com',
        name: 'Ada',
        consent: true,
        consentText: 'I\u00a0agree',
        list: 'weekly',
        source: page(),
      });
      expect(elapsedMs).to.be.a('number').within(0, 10000);
      expect(event.detail).to.deep.equal({
        email: 'ada@example.com',
        message: 'Thanks! Check ada@example.com to confirm your subscription.',
      });
      expect(status(el)).to.equal('Thanks! Check ada@example.com to confirm your subscription.');
      expect(field(el, 'email').value, 'cleared once accepted').to.equal('');
      await expectNoAxeViolations(el);
    });

    it('form: a urlencoded POST with the same fields', async () => {
      const el = await make('provider=form list=daily');
      await submit(el, 'form@example.com');
      await statusIs(el, /Thanks/);
      const [request] = await session.requests('signup');
      expect(request!.headers['content-type']).to.equal('application/x-www-form-urlencoded');
      const { elapsedMs, ...body } = request!.body as { elapsedMs: string };
      expect(body).to.deep.equal({ email: 'form@example.com', list: 'daily', source: page() });
      expect(elapsedMs).to.match(/^\d+$/);
      expect(request!.headers['idempotency-key']).to.be.a('string');
    });

    it('a custom adapter registered in LedeNewsletter.adapters shapes the request', async () => {
      LedeNewsletter.adapters.custom = (signup, action) => ({
        url: `${action}?via=custom`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: signup.email, tag: 'x' }),
      });
      const el = await make('provider=custom');
      await submit(el, 'custom@example.com');
      await statusIs(el, /Thanks/);
      const [request] = await session.requests('signup');
      expect(request!.body).to.deep.equal({ email: 'custom@example.com', tag: 'x' });
      delete LedeNewsletter.adapters.custom;
    });

    it('reports an unknown provider and falls back to json', async () => {
      const el = await make('provider=carrier-pigeon');
      await submit(el, 'p@example.com');
      await statusIs(el, /Thanks/);
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'provider' });
      expect((await session.requests('signup'))[0]!.headers['content-type']).to.equal('application/json');
    });
  });

  describe('faults', () => {
    it("400: shows the endpoint's message, keeps the email, sends once", async () => {
      await session.fail('signup', { status: 400, body: { error: 'This address is blocked.' } });
      const el = await make();
      await submit(el, 'blocked@example.com');
      await statusIs(el, 'This address is blocked.');
      expect(field(el, 'email').value).to.equal('blocked@example.com');
      expect(errors.details[0]).to.include({ code: 'http', field: 'action' });
      expect(await session.requests('signup')).to.have.length(1);
      await expectNoAxeViolations(el);
    });

    it('500 twice then 200: one subscription, every attempt with the same Idempotency-Key', async () => {
      await session.fail('signup', { status: 500 }, { status: 500 });
      const el = await make();
      await submit(el, 'retry@example.com');
      await statusIs(el, /Thanks/);
      const requests = await session.requests('signup');
      expect(requests).to.have.length(3);
      expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
      expect((await session.log()).subscribers.map((s) => s.email)).to.deep.equal(['retry@example.com']);
    });

    it('429 with Retry-After: waits, then succeeds', async () => {
      await session.fail('signup', { status: 429, headers: { 'Retry-After': '1' } });
      const el = await make();
      await submit(el, 'slow@example.com');
      expect(status(el)).to.equal('Sending…');
      await expectNoAxeViolations(el);
      await statusIs(el, /Thanks/);
      const [first, second] = await session.requests('signup');
      expect(second!.at - first!.at).to.be.at.least(950);
    });

    it('a hanging endpoint times out, then the retry succeeds', async () => {
      await session.fail('signup', { hang: true });
      const el = await make('', { ...fast, timeout: 400 });
      await submit(el, 'hang@example.com');
      await statusIs(el, /Thanks/);
      const requests = await session.requests('signup');
      expect(requests).to.have.length(2);
      expect(requests[0]!.headers['idempotency-key']).to.equal(requests[1]!.headers['idempotency-key']);
    });

    it('one request at a time: a second submit while sending sends nothing more', async () => {
      await session.fail('signup', { delay: 300 });
      const el = await make();
      await submit(el, 'double@example.com');
      await submit(el);
      await submit(el);
      await statusIs(el, /Thanks/);
      expect(await session.requests('signup')).to.have.length(1);
    });

    it('server down after every retry: saved in the outbox, the email kept, then sent once when back online', async () => {
      await session.fail('signup', { status: 503 }, { status: 503 });
      const el = await make('', { ...fast, retries: 1 });
      await submit(el, 'later@example.com');
      await statusIs(el, /saved/);
      expect(field(el, 'email').value).to.equal('later@example.com');
      expect(pending('newsletter')).to.have.length(1);
      await expectNoAxeViolations(el);
      dispatchEvent(new Event('online'));
      await statusIs(el, /Thanks/);
      const requests = await session.requests('signup');
      expect(requests).to.have.length(3);
      expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
      expect((await session.log()).subscribers).to.have.length(1);
    });
  });

  describe('offline and the outbox', () => {
    /** What a signup that could not be sent leaves in the outbox, as a page before a reload would. */
    const savePending = (key: string, email: string) =>
      enqueue({
        channel: 'newsletter',
        idempotencyKey: key,
        request: LedeNewsletter.adapters.json!(
          { email, source: page() },
          new URL(session.url('signup'), location.href).href,
        ),
        meta: { email },
      });

    it('offline then online: saved, then delivered exactly once', async () => {
      const el = await make();
      const subscribed: string[] = [];
      el.addEventListener('lede-subscribed', (e) => subscribed.push(e.detail.email));
      type(el, 'email', 'offline@example.com');
      await goOffline(500);
      await submit(el);
      await statusIs(el, /saved/);
      expect(field(el, 'email').value).to.equal('offline@example.com');
      await until(() => navigator.onLine, 'back online');
      await statusIs(el, /Thanks/);
      expect(subscribed).to.deep.equal(['offline@example.com']);
      expect(await session.requests('signup')).to.have.length(1);
      expect(pending('newsletter')).to.have.length(0);
    });

    it('reload with a pending outbox: a new element shows the saved email and sends it once', async () => {
      savePending('pending-1', 'pending@example.com');
      const el = await make();
      await statusIs(el, /Thanks/);
      const requests = await session.requests('signup');
      expect(requests).to.have.length(1);
      expect(requests[0]!.headers['idempotency-key']).to.equal('pending-1');
      expect(pending('newsletter')).to.have.length(0);
    });

    it('removed mid-way (re-created element): the signup is kept in the outbox with its email and sent by the successor', async () => {
      await session.fail('signup', { delay: 400, status: 503 });
      const el = await make();
      await submit(el, 'midway@example.com');
      el.remove();
      expect(pending('newsletter').map((e) => e.meta?.email)).to.deep.equal(['midway@example.com']);
      const next = await make('', fast);
      expect(field(next, 'email').value).to.equal('midway@example.com');
      await statusIs(next, /Thanks/);
      expect((await session.log()).subscribers.map((s) => s.email)).to.deep.equal(['midway@example.com']);
    });

    it('page unloading mid-way (pagehide): the signup in flight is written to the outbox with the same key', async () => {
      await session.fail('signup', { delay: 300 });
      const el = await make();
      await submit(el, 'unload@example.com');
      dispatchEvent(new PageTransitionEvent('pagehide'));
      const [entry] = pending('newsletter');
      expect(entry!.meta).to.deep.equal({ email: 'unload@example.com' });
      await statusIs(el, /Thanks/);
      const [request] = await session.requests('signup');
      expect(request!.headers['idempotency-key']).to.equal(entry!.idempotencyKey);
      // The page stayed (as one restored from the back/forward cache does): the answered signup
      // leaves the outbox, so it is not sent again.
      expect(pending('newsletter')).to.have.length(0);
    });

    it('page unloading mid-way (pagehide), then the endpoint refuses: the refused signup leaves the outbox too', async () => {
      await session.fail('signup', { delay: 300, status: 422, body: { error: 'This list is closed.' } });
      const el = await make();
      await submit(el, 'refused@example.com');
      dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(pending('newsletter')).to.have.length(1);
      await statusIs(el, /This list is closed\./);
      expect(pending('newsletter')).to.have.length(0);
    });

    it('two tabs (two elements in two frames and this page) flushing the same outbox: sent once', async () => {
      savePending('two-tabs', 'tabs@example.com');
      const frames = await Promise.all(
        [1, 2].map(
          () =>
            new Promise<HTMLIFrameElement>((resolve) => {
              const frame = document.createElement('iframe');
              frame.srcdoc = `<script type="module">import '${new URL('./index.ts', import.meta.url).pathname}';document.body.innerHTML='<lede-newsletter></lede-newsletter>';</script>`;
              frame.onload = () => resolve(frame);
              document.body.append(frame);
            }),
        ),
      );
      for (const frame of frames)
        await until(
          () => !!frame.contentDocument?.querySelector('lede-newsletter')?.shadowRoot,
          'the element in a frame to upgrade',
        );
      const a = await make();
      const b = await make();
      await until(() => pending('newsletter').length === 0, 'the outbox to empty');
      // Every flush runs under the outbox's Web Lock: once this request for it is granted, each
      // flush that started before (in this page or a frame) has finished and sent what it would.
      await navigator.locks.request('lede-outbox', () => undefined);
      expect(await session.requests('signup')).to.have.length(1);
      expect([status(a), status(b)].filter((s) => /Thanks/.test(s)).length).to.be.at.most(1);
      frames.forEach((f) => f.remove());
    });
  });

  describe('endpoint, source and consent record', () => {
    const unsafe: [string, string | null][] = [
      ['missing', null],
      ['javascript:', 'javascript:alert(1)'],
      ['javascript: hidden by white space', ' java\tscript:alert(1)'],
      ['data:', 'data:application/json,{"message":"Thanks, you are subscribed"}'],
      ['not http(s)', 'ftp://example.com/subscribe'],
    ];
    for (const [label, action] of unsafe)
      it(`action ${label}: a lede-error naming action, the reader told it failed, the email kept, nothing sent or saved`, async () => {
        const el = await make();
        if (action === null) el.removeAttribute('action');
        else el.setAttribute('action', action);
        await el.updateComplete;
        await submit(el, 'unsafe@example.com');
        expect(errors.details).to.have.length(1);
        expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'action' });
        expect(status(el)).to.equal('Sorry, that did not work. Please try again.');
        expect(status(el)).not.to.match(/saved|Thanks/);
        expect(field(el, 'email').value).to.equal('unsafe@example.com');
        expect(localStorage.getItem('lede-outbox')).to.equal(null);
        expect(await session.requests('signup')).to.have.length(0);
      });

    it('a relative action is resolved against the page: the outbox keeps the absolute URL', async () => {
      await session.fail('signup', { status: 503 }, { status: 503 });
      const el = await make('', { ...fast, retries: 1 });
      expect(session.url('signup')).to.match(/^\/api\//);
      await submit(el, 'relative@example.com');
      await statusIs(el, /saved/);
      expect(pending('newsletter').map((e) => e.request.url)).to.deep.equal([location.origin + session.url('signup')]);
    });

    it('source is the page origin and path only: no query (tokens), no fragment', async () => {
      const before = location.href;
      const secret = new URL(before);
      secret.searchParams.set('token', 'SECRET');
      secret.hash = 'access_token=HASHSECRET';
      history.replaceState(history.state, '', secret);
      try {
        const subscribe = new Promise<CustomEvent<NewsletterSignup>>((resolve) =>
          addEventListener('lede-subscribe', resolve as never, { once: true }),
        );
        const el = await make();
        await submit(el, 'source@example.com');
        expect((await subscribe).detail.source).to.equal(page());
        await statusIs(el, /Thanks/);
        const [request] = await session.requests('signup');
        expect((request!.body as NewsletterSignup).source).to.equal(page());
        expect(JSON.stringify(request!.body)).not.to.match(/SECRET/);
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('back from the plain form post (lede-signup=pending): the success message once, and the parameter leaves the address bar', async () => {
      const before = location.href;
      const back = new URL(before);
      back.searchParams.set('lede-signup', 'pending');
      back.hash = 'signup';
      history.replaceState(history.state, '', back);
      try {
        const el = await make();
        await statusIs(el, 'Thanks! Check your inbox to confirm.');
        const now = new URL(location.href);
        expect(now.searchParams.has('lede-signup')).to.be.false;
        expect(now.hash).to.equal('#signup');
        expect(now.search).to.equal(new URL(before).search);
        const second = await make();
        expect(status(second), 'shown by one element, once').to.equal('');
        await expectNoAxeViolations(el);
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('back from the plain form post of one of several newsletters (lede-list): only that list thanks the reader', async () => {
      const before = location.href;
      const back = new URL(before);
      back.searchParams.set('lede-signup', 'pending');
      back.searchParams.set('lede-list', 'daily');
      history.replaceState(history.state, '', back);
      try {
        const page = await fixture<HTMLElement>(
          html`<div>
            <lede-newsletter list="weekly" action=${session.url('signup')}></lede-newsletter>
            <lede-newsletter list="daily" action=${session.url('signup')}></lede-newsletter>
          </div>`,
        );
        const [weekly, daily] = [...page.querySelectorAll<LedeNewsletter>('lede-newsletter')];
        await Promise.all([weekly!.updateComplete, daily!.updateComplete]);
        await statusIs(daily!, 'Thanks! Check your inbox to confirm.');
        expect(status(weekly!), 'the other list says nothing').to.equal('');
        const now = new URL(location.href);
        expect(now.searchParams.has('lede-signup')).to.be.false;
        expect(now.searchParams.has('lede-list')).to.be.false;
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('back from the plain form post (lede-list): a newsletter whose first render waited for a later task still thanks the reader', async () => {
      const before = location.href;
      const back = new URL(before);
      back.searchParams.set('lede-signup', 'pending');
      back.searchParams.set('lede-list', 'daily');
      history.replaceState(history.state, '', back);
      const page = document.createElement('div');
      document.body.append(page);
      try {
        const first = document.createElement('lede-newsletter') as LedeNewsletter;
        first.list = 'weekly';
        page.append(first);
        await first.updateComplete;
        // The task that rendered the first newsletter runs on past its slice, then many more
        // newsletters arrive: their first renders are spread over later tasks, the daily one last.
        const end = performance.now() + 20;
        while (performance.now() < end);
        for (let i = 0; i < 150; i++)
          page.append(Object.assign(document.createElement('lede-newsletter'), { list: 'weekly' }));
        const daily = document.createElement('lede-newsletter') as LedeNewsletter;
        daily.list = 'daily';
        daily.style.cssText = 'display:block;margin-top:300vh';
        page.append(daily);
        await statusIs(daily, 'Thanks! Check your inbox to confirm.');
        expect(status(first)).to.equal('');
      } finally {
        page.remove();
        history.replaceState(history.state, '', before);
      }
    });

    it('consent-html: a link to the privacy policy, everything else reduced to text; consentText is the text the reader saw', async () => {
      const el = await make();
      el.setAttribute(
        'consent-html',
        'I agree to the <a href="/privacy" id="x" class="y" onclick="alert(1)">privacy  policy</a> and <b>terms</b><img src="x" onerror="alert(1)"><script>alert(1)</script>.',
      );
      await until(() => !!root(el).querySelector('label[for=consent] a'), 'the consent link');
      const label = root(el).querySelector('label[for=consent]')!;
      const link = label.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('/privacy');
      expect(link.getAttributeNames()).to.deep.equal(['href']);
      expect(label.querySelector('b, img, script')).to.equal(null);
      expect(label.textContent).to.equal('I agree to the privacy  policy and terms.');
      await expectNoAxeViolations(el);
      await submit(el, 'policy@example.com');
      expect(field(el, 'consent').getAttribute('aria-invalid'), 'required like consent').to.equal('true');
      field(el, 'consent').click();
      await submit(el);
      await statusIs(el, /Thanks/);
      const [request] = await session.requests('signup');
      expect(request!.body).to.include({ consent: true, consentText: 'I agree to the privacy policy and terms.' });
    });

    it('a consent slot: the publisher label with its link; the box is required and consentText is the slotted text', async () => {
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter action=${session.url('signup')} .delivery=${fast}
          ><span slot="consent">I accept the <a href="/privacy">privacy policy</a>.</span></lede-newsletter
        >`,
      );
      const box = field(el, 'consent');
      expect(box.labels![0]!.querySelector('slot[name=consent]')).to.exist;
      await expectNoAxeViolations(el);
      await submit(el, 'slot@example.com');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(await session.requests('signup')).to.have.length(0);
      box.click();
      await submit(el);
      await statusIs(el, /Thanks/);
      const [request] = await session.requests('signup');
      expect(request!.body).to.include({ consent: true, consentText: 'I accept the privacy policy.' });
    });
  });

  describe('abuse and host control', () => {
    it('cancel through lede-subscribe: the host gets the signup and nothing is sent', async () => {
      const el = await make('list=weekly');
      let detail: NewsletterSignup | undefined;
      let cancel = true;
      el.addEventListener('lede-subscribe', (event) => {
        detail = event.detail;
        if (cancel) event.preventDefault();
      });
      await submit(el, 'host@example.com');
      expect(detail).to.deep.include({ email: 'host@example.com', list: 'weekly', source: page() });
      expect(detail!.elapsedMs).to.be.a('number');
      // A signup that is not cancelled marks the moment: once it has arrived, the first would have too.
      cancel = false;
      await submit(el, 'next@example.com');
      await until(async () => (await session.requests('signup')).length > 0, 'the next signup to arrive');
      expect((await session.requests('signup')).map((r) => (r.body as NewsletterSignup).email)).to.deep.equal([
        'next@example.com',
      ]);
    });

    it('honeypot filled: success shown, nothing sent', async () => {
      const el = await make();
      const honeypot = field(el, 'website');
      expect(honeypot.tabIndex).to.equal(-1);
      expect(honeypot.getAttribute('aria-hidden')).to.equal('true');
      expect(honeypot.getAttribute('autocomplete')).to.equal('off');
      honeypot.value = 'http://spam.example';
      await submit(el, 'bot@example.com');
      expect(status(el)).to.match(/Thanks/);
      // A person's signup marks the moment: once it has arrived, the bot's would have too.
      honeypot.value = '';
      await submit(el, 'person@example.com');
      await until(async () => (await session.requests('signup')).length > 0, 'the next signup to arrive');
      expect((await session.requests('signup')).map((r) => (r.body as NewsletterSignup).email)).to.deep.equal([
        'person@example.com',
      ]);
    });

    it('a person who submits at once (autofill) is subscribed: the signup arrives, with elapsedMs for the endpoint to judge', async () => {
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter action=${session.url('signup')} .delivery=${fast}></lede-newsletter>`,
      );
      await submit(el, 'fast@example.com');
      await statusIs(el, /Thanks! Check fast@example\.com/);
      const [request] = await session.requests('signup');
      expect(request!.body).to.include({ email: 'fast@example.com' });
      expect((request!.body as { elapsedMs: number }).elapsedMs)
        .to.be.a('number')
        .below(1500);
      expect((await session.log()).subscribers.map((s) => s.email)).to.deep.equal(['fast@example.com']);
    });

    it('consent unticked: an error on the checkbox, focus there, nothing sent', async () => {
      const el = await make('consent=I\u00a0agree');
      await submit(el, 'consent@example.com');
      const box = field(el, 'consent');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.match(/tick/);
      expect(root(el).activeElement).to.equal(box);
      await expectNoAxeViolations(el);
      expect(await session.requests('signup')).to.have.length(0);
    });
  });

  describe('form, keyboard and progressive enhancement', () => {
    it('labels every field and has a submit button and a status region', async () => {
      const el = await make('name-field consent=Yes');
      for (const name of ['email', 'name', 'consent']) expect(field(el, name).labels!.length, name).to.equal(1);
      expect(field(el, 'email').type).to.equal('email');
      expect(field(el, 'email').autocomplete).to.equal('email');
      expect(field(el, 'name').autocomplete).to.equal('name');
      expect(root(el).querySelector('form[part="form"]')).to.exist;
      await expectNoAxeViolations(el);
    });

    it('Tab goes email, name, consent, button (the honeypot is skipped); Enter submits', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <button id="before">before</button>
          <lede-newsletter action=${session.url('signup')} name-field consent="Yes"></lede-newsletter>
        </div>`,
      );
      const el = wrapper.querySelector('lede-newsletter')!;
      await el.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      const order: string[] = [];
      const focused = () => {
        const active = root(el).activeElement as HTMLInputElement | null;
        order.push(active?.name || active?.localName || 'outside');
      };
      await sendKeys({ press: 'Tab' });
      focused();
      await sendKeys({ type: 'keys@example.com' });
      await sendKeys({ press: 'Tab' });
      focused();
      await sendKeys({ press: 'Tab' });
      focused();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      focused();
      expect(order).to.deep.equal(['email', 'name', 'consent', 'button']);
      await sendKeys({ down: 'Shift' });
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect((root(el).activeElement as HTMLInputElement).name).to.equal('email');
      await sendKeys({ press: 'Enter' });
      await statusIs(el, /Thanks/);
      expect((await session.log()).subscribers.map((s) => s.email)).to.deep.equal(['keys@example.com']);
    });

    it('upgrades from a child form: takes its action, list, name field and typed email', async () => {
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter>
          <form action=${session.url('signup')} method="post">
            <label>Email <input type="email" name="email" value="typed@example.com" /></label>
            <label>Name <input name="name" /></label>
            <input type="hidden" name="list" value="from-form" />
            <button>Subscribe</button>
          </form>
        </lede-newsletter>`,
      );
      expect(field(el, 'email').value).to.equal('typed@example.com');
      expect(field(el, 'name')).to.exist;
      expect(el.querySelector('form')!.getBoundingClientRect().height, 'the fallback form is not shown').to.equal(0);
      await submit(el);
      await statusIs(el, /Thanks/);
      const [request] = await session.requests('signup');
      expect(request!.body).to.include({ email: 'typed@example.com', list: 'from-form' });
    });

    it('shows the text attribute and the text property under the heading; intro still works, deprecated', async () => {
      const el = await make('text=Weekly');
      const intro = () => root(el).querySelector('[part="text"]')?.textContent;
      expect(el.text).to.equal('Weekly');
      expect(intro()).to.equal('Weekly');
      el.text = 'Every Monday';
      await el.updateComplete;
      expect(intro()).to.equal('Every Monday');
      el.intro = 'Every Friday';
      await el.updateComplete;
      expect([el.text, intro()]).to.deep.equal(['Every Friday', 'Every Friday']);
    });

    it('replaces every visible string', async () => {
      const el = await make('heading=Lettre button-label=Inscription');
      el.strings = { email: 'Courriel', invalid: 'Adresse invalide.', required: '(obligatoire)' };
      await el.updateComplete;
      expect(root(el).querySelector('h2')!.textContent).to.equal('Lettre');
      expect(submitButton(el).textContent?.trim()).to.equal('Inscription');
      expect(field(el, 'email').labels![0]!.textContent).to.equal('Courriel (obligatoire)');
      await submit(el, 'nope');
      expect(root(el).querySelector('[part="error"]')!.textContent).to.equal('Adresse invalide.');
    });

    it('has no axe violations idle, sending, failed and in the dark theme', async () => {
      const el = await make('name-field consent=Yes text=Weekly');
      await expectNoAxeViolations(el);
      el.theme = 'dark';
      await el.updateComplete;
      await expectNoAxeViolations(el);
      await submit(el, 'invalid');
      await expectNoAxeViolations(el);
    });
  });
});
