import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { pending } from '../core/outbox.js';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { goOffline, until } from '../../test/helpers/endpoint.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import './index.js';
import type { LedeNewsletter } from './newsletter.js';

/**
 * A publisher's email-service form inside <lede-newsletter>, against a stand-in service on a second
 * loopback origin (test/plugins/stand-in-service.mjs): an HTML answer without CORS, CORS-enabled
 * JSON, and a service that is down.
 */

interface Received {
  variant: 'html' | 'json';
  method: string;
  path: string;
  contentType: string;
  fields?: Record<string, string>;
  idempotencyKey?: string;
}

const { origin, down } = (await executeServerCommand('lede-stand-in')) as { origin: string; down: string };
const fast = { backoff: 20, timeout: 2000 };
const newList = () => `l${Math.random().toString(36).slice(2, 10)}`;
const root = (el: LedeNewsletter) => el.shadowRoot!;
const field = (el: LedeNewsletter, name: string) => root(el).querySelector<HTMLInputElement>(`[name=${name}]`)!;
const status = (el: LedeNewsletter) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const received = async (list: string): Promise<Received[]> =>
  (await (await fetch(`${origin}/__log/${list}`)).json()).requests;
const posts = async (list: string) => (await received(list)).filter((r) => r.method === 'POST');

async function submit(el: LedeNewsletter, email: string, name?: string) {
  field(el, 'email').value = email;
  if (name !== undefined) field(el, 'name').value = name;
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
}

/** A frame the service's answer opens in (the form's `target`), and a promise of its next load. */
function resultFrame(): { name: string; loaded: Promise<void>; frame: HTMLIFrameElement } {
  const frame = document.createElement('iframe');
  frame.name = `result-${newList()}`;
  frame.title = 'The newsletter service';
  document.body.append(frame);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  return { name: frame.name, loaded, frame };
}

describe('<lede-newsletter> with an email service form on another origin', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  let frames: HTMLIFrameElement[];
  beforeEach(() => {
    errors = captureLedeErrors();
    frames = [];
    localStorage.removeItem('lede-outbox');
  });
  afterEach(() => {
    errors.stop();
    frames.forEach((f) => f.remove());
    localStorage.removeItem('lede-outbox');
  });

  const frame = () => {
    const result = resultFrame();
    frames.push(result.frame);
    return result;
  };

  describe('HTML answer without CORS: the browser submits the form itself', () => {
    it('no provider: the service receives exactly one POST with the form own fields, honeypot and hidden fields kept', async () => {
      const list = newList();
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter>
          <form action="${origin}/html/${list}/subscribe/post?u=abc&amp;id=def" method="post" target=${target.name}>
            <label>Email <input type="email" name="EMAIL" /></label>
            <label>First name <input type="text" name="FNAME" /></label>
            <input type="hidden" name="group[1]" value="weekly" />
            <div aria-hidden="true"><input type="text" name="b_abc_def" tabindex="-1" value="" /></div>
            <input type="submit" name="subscribe" value="Subscribe" />
          </form>
        </lede-newsletter>
      `);
      expect(field(el, 'name'), 'FNAME becomes the name field').to.exist;
      await submit(el, 'reader@example.com', 'Ada');
      await target.loaded;
      const requests = await received(list);
      expect(requests.map((r) => r.method)).to.deep.equal(['POST']);
      expect(requests[0]!.path).to.equal(`/html/${list}/subscribe/post?u=abc&id=def`);
      expect(requests[0]!.contentType).to.equal('application/x-www-form-urlencoded');
      expect(requests[0]!.fields).to.deep.equal({
        EMAIL: 'reader@example.com',
        FNAME: 'Ada',
        'group[1]': 'weekly',
        b_abc_def: '',
      });
      expect(requests[0]!.idempotencyKey, 'a plain form post').to.be.undefined;
      expect(status(el)).to.equal('Almost done: finish your signup on the page that just opened.');
      expect(errors.details).to.deep.equal([]);
      expect(pending('newsletter')).to.have.length(0);
      await expectNoAxeViolations(el);
    });

    it('multipart: the form encoding is kept', async () => {
      const list = newList();
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter>
          <form action="${origin}/html/${list}/add" method="post" enctype="multipart/form-data" target=${target.name}>
            <input type="email" name="email_address" /><input type="hidden" name="form_id" value="42" />
          </form>
        </lede-newsletter>
      `);
      await submit(el, 'multi@example.com');
      await target.loaded;
      const [request, ...more] = await received(list);
      expect(more).to.have.length(0);
      expect(request!.contentType).to.match(/^multipart\/form-data; boundary=/);
      expect(request!.fields).to.deep.equal({ email_address: 'multi@example.com', form_id: '42' });
    });

    it('provider="json" set explicitly on a cross-origin form without cors: still the browser, no fetch, no preflight', async () => {
      const list = newList();
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter provider="json">
          <form action="${origin}/html/${list}/subscribe" method="post" target=${target.name}>
            <input type="email" name="email" />
          </form>
        </lede-newsletter>
      `);
      await submit(el, 'explicit@example.com');
      await target.loaded;
      expect((await received(list)).map((r) => r.method)).to.deep.equal(['POST']);
    });

    it('validation, consent and errors stay the element own: an invalid address or unticked box sends nothing', async () => {
      const list = newList();
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter consent="I agree to the weekly email.">
          <form action="${origin}/html/${list}/subscribe" method="post" target=${target.name}>
            <input type="email" name="EMAIL" /><input type="checkbox" name="gdpr[7]" value="Y" required />
          </form>
        </lede-newsletter>
      `);
      await submit(el, 'not an address');
      expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
      await submit(el, 'consent@example.com');
      expect(field(el, 'consent').getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement).to.equal(field(el, 'consent'));
      await expectNoAxeViolations(el);
      expect(await received(list)).to.have.length(0);
      field(el, 'consent').click();
      await submit(el, 'consent@example.com');
      await target.loaded;
      const [request] = await posts(list);
      expect(request!.fields).to.deep.equal({ EMAIL: 'consent@example.com', 'gdpr[7]': 'Y' });
    });

    it('a form with a javascript: action is refused before anything is submitted', async () => {
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter provider="native">
          <form action="javascript:alert(1)" method="post"><input type="email" name="email" /></form>
        </lede-newsletter>
      `);
      await submit(el, 'js@example.com');
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'action' });
      expect(field(el, 'email').value).to.equal('js@example.com');
    });
  });

  describe('the service is down or the reader offline: told so, nothing claimed, the address kept', () => {
    it('down: the reader is told it cannot be reached, nothing is sent or saved, the page stays', async () => {
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter>
          <form action="${down}/subscribe" method="post" target=${target.name}>
            <input type="email" name="email" />
          </form>
        </lede-newsletter>
      `);
      await submit(el, 'down@example.com');
      await until(() => /cannot be reached/.test(status(el)), 'the reader to be told');
      expect(status(el)).to.equal(
        'The newsletter service cannot be reached right now, so nothing was sent. Please try again later.',
      );
      expect(status(el)).not.to.match(/saved|Thanks|Almost/);
      expect(errors.details[0]).to.include({ code: 'network', field: 'action' });
      expect(field(el, 'email').value).to.equal('down@example.com');
      expect(pending('newsletter')).to.have.length(0);
      expect(target.frame.contentDocument, 'the form was not submitted').to.exist;
      expect(target.frame.contentDocument!.URL).to.equal('about:blank');
      await expectNoAxeViolations(el);
    });

    it('offline: said so, the typed address kept, not submitted, nothing saved', async () => {
      const list = newList();
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter>
          <form action="${origin}/html/${list}/subscribe" method="post" target=${target.name}>
            <input type="email" name="EMAIL" />
          </form>
        </lede-newsletter>
      `);
      field(el, 'email').value = 'offline@example.com';
      await goOffline(400);
      await submit(el, 'offline@example.com');
      expect(status(el)).to.equal(
        'You are offline, so nothing was sent. Your address is still here: subscribe again once you are back online.',
      );
      expect(field(el, 'email').value).to.equal('offline@example.com');
      expect(localStorage.getItem('lede-outbox')).to.equal(null);
      await until(() => navigator.onLine, 'back online');
      expect(await received(list)).to.have.length(0);
    });
  });

  describe('CORS-enabled JSON: fetch, a readable answer, retries and idempotency as for any endpoint', () => {
    it('action on the element: JSON, 500 twice then accepted, one subscriber, one Idempotency-Key', async () => {
      const list = newList();
      await fetch(`${origin}/__faults/${list}`, {
        method: 'POST',
        body: JSON.stringify([{ status: 500 }, { status: 500 }]),
      });
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter action="${origin}/json/${list}/subscribe" .delivery=${fast}></lede-newsletter>`,
      );
      const subscribed = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('lede-subscribed', resolve as never),
      );
      await submit(el, 'cors@example.com');
      expect((await subscribed).detail.message).to.equal(
        'Almost finished: check cors@example.com to confirm your subscription.',
      );
      const requests = await posts(list);
      expect(requests).to.have.length(3);
      expect(new Set(requests.map((r) => r.idempotencyKey)).size).to.equal(1);
      expect(requests[0]!.contentType).to.equal('application/json');
      expect(requests[0]!.fields).to.include({ email: 'cors@example.com' });
      expect((await (await fetch(`${origin}/__log/${list}`)).json()).subscribers).to.deep.equal(['cors@example.com']);
      expect(errors.details).to.deep.equal([]);
    });

    it('a child form with cors: sent by fetch as the form would send itself, with Lede fields it lacks', async () => {
      const list = newList();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter cors .delivery=${fast}>
          <form action="${origin}/json/${list}/subscribe" method="post">
            <input type="email" name="EMAIL" /><input type="hidden" name="u" value="abc" />
          </form>
        </lede-newsletter>
      `);
      await submit(el, 'fetched@example.com');
      await until(() => /Almost finished/.test(status(el)), 'the readable answer');
      const [request, ...more] = await posts(list);
      expect(more).to.have.length(0);
      expect(request!.contentType).to.equal('application/x-www-form-urlencoded');
      expect(request!.idempotencyKey).to.be.a('string');
      const { elapsedMs, ...fields } = request!.fields!;
      expect(fields).to.deep.equal({
        EMAIL: 'fetched@example.com',
        u: 'abc',
        source: location.origin + location.pathname,
      });
      expect(elapsedMs).to.match(/^\d+$/);
    });
  });

  describe('a fetch-based provider meets an endpoint without CORS', () => {
    it('the first time: one attempt, a lede-error and a console warning naming the fix, nothing kept', async () => {
      const list = newList();
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter action="${origin}/html/${list}/subscribe" .delivery=${fast}></lede-newsletter>`,
      );
      await submit(el, 'nocors@example.com');
      await until(() => errors.details.length > 0, 'the lede-error');
      expect(errors.details[0]).to.include({ code: 'network', field: 'action' });
      expect(errors.details[0]!.message).to.contain('without CORS headers').and.to.contain('provider="native"');
      expect(errors.warnings[0]).to.contain('<lede-newsletter> action').and.to.contain('Access-Control-Allow-Origin');
      await until(() => status(el) !== 'Sending…', 'the outcome');
      expect(status(el)).to.equal('Sorry, that did not work. Please try again.');
      expect(field(el, 'email').value).to.equal('nocors@example.com');
      expect(localStorage.getItem('lede-outbox'), 'never in the outbox').to.equal(null);
      const requests = await received(list);
      expect(
        requests.filter((r) => r.method === 'OPTIONS'),
        'one preflight, no retries',
      ).to.have.length(1);
      expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    });

    it('with a child form (cors set wrongly): the error, then the browser submits the form so the reader still subscribes', async () => {
      const list = newList();
      const target = frame();
      const el = await fixture<LedeNewsletter>(html`
        <lede-newsletter cors .delivery=${fast}>
          <form action="${origin}/html/${list}/subscribe" method="post" target=${target.name}>
            <input type="email" name="EMAIL" />
          </form>
        </lede-newsletter>
      `);
      await submit(el, 'fallback@example.com');
      await target.loaded;
      expect(errors.details[0]!.message).to.contain('without CORS headers');
      const requests = await posts(list);
      expect(requests).to.have.length(1);
      expect(requests[0]!.fields).to.deep.equal({ EMAIL: 'fallback@example.com' });
      expect(requests[0]!.idempotencyKey, 'the plain post').to.be.undefined;
      expect(localStorage.getItem('lede-outbox')).to.equal(null);
    });
  });

  describe('recipes (docs/recipes/email-services): each documented form shape, submitted once', () => {
    const recipes: [string, (email: string) => Record<string, string>, string?][] = [
      ['mailchimp', (email) => ({ EMAIL: email, FNAME: 'Ada', b_0123456789abcdef01234567_abcdef1234: '' }), 'Ada'],
      ['buttondown', (email) => ({ email, metadata__source: 'article', embed: '1' })],
      ['kit', (email) => ({ 'fields[first_name]': 'Ada', email_address: email }), 'Ada'],
      ['mailerlite', (email) => ({ 'fields[email]': email, 'ml-submit': '1', anticsrf: 'true' })],
      [
        'emailoctopus',
        (email) => ({
          field_0: email,
          field_1: 'Ada',
          consent: 'on',
          'hp00000000-1111-2222-3333-444444444444': '',
          successRedirectUrl: '',
        }),
        'Ada',
      ],
    ];
    for (const [service, expected, name] of recipes)
      it(`${service}: the browser posts the service's own fields to it`, async () => {
        const list = newList();
        const target = frame();
        const markup = await (await fetch(`/docs/recipes/email-services/${service}.html`)).text();
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        wrapper.innerHTML = markup;
        const form = wrapper.querySelector('form')!;
        const action = new URL(form.getAttribute('action')!);
        form.setAttribute('action', `${origin}/html/${list}${action.pathname}${action.search}`);
        form.setAttribute('target', target.name);
        const el = wrapper.querySelector('lede-newsletter')!;
        await el.updateComplete;
        await until(
          () => !el.hasAttribute('consent-html') || !!root(el).querySelector('label[for=consent] a'),
          'consent',
        );
        if (root(el).querySelector('[name=consent]')) field(el, 'consent').click();
        await submit(el, `${service}@example.com`, name);
        await target.loaded;
        const requests = await received(list);
        expect(requests.map((r) => r.method)).to.deep.equal(['POST']);
        expect(requests[0]!.path).to.equal(`/html/${list}${action.pathname}${action.search}`);
        expect(requests[0]!.fields).to.deep.equal(expected(`${service}@example.com`));
        expect(errors.details).to.deep.equal([]);
        await expectNoAxeViolations(el);
      });

    it('beehiiv (through lede-server, cors): fetched with the form fields and Lede fields, a readable answer', async () => {
      const list = newList();
      const markup = await (await fetch('/docs/recipes/email-services/beehiiv.html')).text();
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.innerHTML = markup;
      const form = wrapper.querySelector('form')!;
      form.setAttribute('action', `${origin}/json/${list}${new URL(form.getAttribute('action')!).pathname}`);
      const el = wrapper.querySelector('lede-newsletter')!;
      await el.updateComplete;
      await submit(el, 'beehiiv@example.com');
      await until(() => /Almost finished/.test(status(el)), 'the readable answer');
      const [request, ...more] = await posts(list);
      expect(more).to.have.length(0);
      expect(request!.path).to.equal(`/json/${list}/v1/signups`);
      const { elapsedMs, ...fields } = request!.fields!;
      expect(fields).to.deep.equal({
        email: 'beehiiv@example.com',
        list: 'beehiiv',
        source: location.origin + location.pathname,
      });
      expect(Number(elapsedMs)).to.be.at.least(0);
    });
  });
});
