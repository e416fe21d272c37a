// Each email service: its stub, its forwarder settings, and the requests its documentation says a subscribe,
// unsubscribe and erasure are (see the comment at the top of each stub in stubs/email/ for the document).
import { createHash } from 'node:crypto';
import { BUTTONDOWN_KEY, startButtondown } from './stubs/email/buttondown.mjs';
import { MAILCHIMP_KEY, MAILCHIMP_LIST, startMailchimp } from './stubs/email/mailchimp.mjs';
import { WEBHOOK_SECRET, startWebhook, verify } from './stubs/email/webhook.mjs';
import { CONSENT, READER_NAME, SOURCE } from './forwarding-helpers.mjs';

const md5 = (text) => createHash('md5').update(text).digest('hex');
const json = 'application/json';

export const SERVICES = [
  {
    service: 'buttondown',
    start: startButtondown,
    forwarder: (stub) => ({ service: 'buttondown', apiKey: BUTTONDOWN_KEY, baseUrl: `${stub.url}/v1` }),
    badMessage: /HTTP 400: This email address is not valid\./,
    subscribe: (email) => [
      {
        method: 'POST',
        path: '/v1/subscribers',
        headers: { authorization: `Token ${BUTTONDOWN_KEY}`, 'content-type': json },
        json: { email_address: email, type: 'regular', referrer_url: SOURCE },
      },
    ],
    unsubscribe: (email) => [
      {
        method: 'PATCH',
        path: `/v1/subscribers/${email}`,
        headers: { authorization: `Token ${BUTTONDOWN_KEY}` },
        json: { type: 'unsubscribed' },
      },
    ],
    erase: (email) => [
      { method: 'DELETE', path: `/v1/subscribers/${email}`, headers: { authorization: `Token ${BUTTONDOWN_KEY}` } },
    ],
  },
  {
    service: 'mailchimp',
    start: startMailchimp,
    forwarder: (stub) => ({
      service: 'mailchimp',
      apiKey: MAILCHIMP_KEY,
      listId: MAILCHIMP_LIST,
      nameField: 'FNAME',
      baseUrl: `${stub.url}/3.0`,
    }),
    badMessage: /HTTP 400: Invalid Resource: .* looks fake or invalid, please enter a real email address\./,
    subscribe: (email) => [
      {
        method: 'PUT',
        path: `/3.0/lists/${MAILCHIMP_LIST}/members/${md5(email.toLowerCase())}`,
        headers: {
          authorization: `Basic ${Buffer.from(`lede:${MAILCHIMP_KEY}`).toString('base64')}`,
          'content-type': json,
        },
        json: {
          email_address: email,
          status_if_new: 'subscribed',
          status: 'subscribed',
          language: 'en',
          merge_fields: { FNAME: READER_NAME },
        },
      },
    ],
    unsubscribe: (email) => [
      {
        method: 'PATCH',
        path: `/3.0/lists/${MAILCHIMP_LIST}/members/${md5(email)}`,
        json: { status: 'unsubscribed' },
      },
    ],
    erase: (email) => [
      { method: 'POST', path: `/3.0/lists/${MAILCHIMP_LIST}/members/${md5(email)}/actions/delete-permanent` },
    ],
  },
  {
    service: 'webhook',
    start: startWebhook,
    forwarder: (stub) => ({ service: 'webhook', url: `${stub.url}/hooks/lede`, secret: WEBHOOK_SECRET }),
    badMessage: /HTTP 422: list webhook is not known here/,
    subscribe: (email) => [
      {
        method: 'POST',
        path: '/hooks/lede',
        headers: {
          'content-type': json,
          'x-lede-signature': (v) => /^sha256=[0-9a-f]{64}$/.test(v),
          'idempotency-key': (v) => typeof v === 'string' && v.length > 8,
        },
        check: (r) =>
          verify(r.headers, r.body) &&
          r.headers['idempotency-key'] === r.json.id &&
          r.json.type === 'subscribe' &&
          r.json.email === email &&
          r.json.list === 'webhook' &&
          r.json.name === READER_NAME &&
          r.json.consent.text === CONSENT &&
          r.json.source === SOURCE &&
          !Number.isNaN(Date.parse(r.json.confirmedAt)),
      },
    ],
    unsubscribe: (email) => [
      {
        method: 'POST',
        path: '/hooks/lede',
        check: (r) => verify(r.headers, r.body) && sameKeys(r.json, email, 'unsubscribe'),
      },
    ],
    erase: (email) => [
      {
        method: 'POST',
        path: '/hooks/lede',
        check: (r) => verify(r.headers, r.body) && sameKeys(r.json, email, 'erase'),
      },
    ],
  },
];

/** An unsubscribe or erasure event carries the address and nothing else about the reader. */
function sameKeys(event, email, type) {
  return (
    JSON.stringify(Object.keys(event).sort()) === JSON.stringify(['email', 'id', 'list', 'type']) &&
    event.email === email &&
    event.type === type
  );
}
