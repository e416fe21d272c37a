// Each email service: its stub, its forwarder settings, and the requests its documentation says a subscribe,
// unsubscribe and erasure are (see the comment at the top of each stub in stubs/email/ for the document).
import { createHash } from 'node:crypto';
import { BUTTONDOWN_KEY, startButtondown } from './stubs/email/buttondown.mjs';
import { MAILCHIMP_KEY, MAILCHIMP_LIST, startMailchimp } from './stubs/email/mailchimp.mjs';
import { WEBHOOK_SECRET, startWebhook, verify } from './stubs/email/webhook.mjs';
import { KIT_KEY, KIT_TAG, startKit } from './stubs/email/kit.mjs';
import { BEEHIIV_KEY, BEEHIIV_PUBLICATION, startBeehiiv } from './stubs/email/beehiiv.mjs';
import { MAILERLITE_GROUP, MAILERLITE_KEY, startMailerlite } from './stubs/email/mailerlite.mjs';
import { LISTMONK_LISTS, LISTMONK_TOKEN, LISTMONK_USER, startListmonk } from './stubs/email/listmonk.mjs';
import { GHOST_KEY_ID, GHOST_SECRET, startGhost, validGhostToken } from './stubs/email/ghost.mjs';
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

const kitAuth = { 'x-kit-api-key': KIT_KEY };
const kitLookup = (email) => ({
  method: 'GET',
  path: '/v4/subscribers',
  query: { email_address: email, status: 'all' },
  headers: kitAuth,
});
const beehiiv = `/v2/publications/${BEEHIIV_PUBLICATION}/subscriptions`;
const beehiivAuth = { authorization: `Bearer ${BEEHIIV_KEY}` };
const mailerliteAuth = { authorization: `Bearer ${MAILERLITE_KEY}` };
const listmonkAuth = { authorization: `Basic ${Buffer.from(`${LISTMONK_USER}:${LISTMONK_TOKEN}`).toString('base64')}` };
const listmonkLookup = (email) => ({
  method: 'GET',
  path: '/api/subscribers',
  query: { query: `subscribers.email = '${email}'`, per_page: '1' },
  headers: listmonkAuth,
});
const listmonkLists = (action) => ({
  method: 'PUT',
  path: '/api/subscribers/lists',
  headers: listmonkAuth,
  check: (r) =>
    r.json.ids.length === 1 &&
    r.json.action === action &&
    JSON.stringify(r.json.target_list_ids) === JSON.stringify(LISTMONK_LISTS) &&
    (action === 'add' ? r.json.status === 'confirmed' : r.json.status === undefined),
});
const ghostAuth = { authorization: (v) => validGhostToken(v), 'accept-version': 'v5.0' };
const ghostLookup = (email) => ({
  method: 'GET',
  path: '/ghost/api/admin/members/',
  query: { filter: `email:'${email}'`, limit: '1' },
  headers: ghostAuth,
});

SERVICES.push(
  {
    service: 'kit',
    start: startKit,
    forwarder: (stub) => ({ service: 'kit', apiKey: KIT_KEY, tagId: KIT_TAG, baseUrl: `${stub.url}/v4` }),
    badMessage: /^HTTP 422: Email address is invalid$/,
    subscribe: (email) => [
      {
        method: 'POST',
        path: '/v4/subscribers',
        headers: { ...kitAuth, 'content-type': json },
        json: { email_address: email, state: 'active', first_name: READER_NAME },
      },
      { method: 'POST', path: `/v4/tags/${KIT_TAG}/subscribers`, headers: kitAuth, json: { email_address: email } },
    ],
    unsubscribe: (email) => [
      kitLookup(email),
      { method: 'POST', path: /^\/v4\/subscribers\/\d+\/unsubscribe$/, headers: kitAuth, json: {} },
    ],
    // Kit's API cannot delete a subscriber: an erasure unsubscribes (again).
    erase: (email) => [
      kitLookup(email),
      { method: 'POST', path: /^\/v4\/subscribers\/\d+\/unsubscribe$/, headers: kitAuth, json: {} },
    ],
  },
  {
    service: 'beehiiv',
    start: startBeehiiv,
    forwarder: (stub) => ({
      service: 'beehiiv',
      apiKey: BEEHIIV_KEY,
      publicationId: BEEHIIV_PUBLICATION,
      baseUrl: `${stub.url}/v2`,
    }),
    badMessage: /^HTTP 400: Email is invalid$/,
    subscribe: (email) => [
      {
        method: 'POST',
        path: beehiiv,
        headers: { ...beehiivAuth, 'content-type': json },
        json: {
          email,
          reactivate_existing: true,
          send_welcome_email: false,
          double_opt_override: 'off',
          utm_source: 'lede',
          referring_site: SOURCE,
        },
      },
    ],
    unsubscribe: (email) => [
      { method: 'PUT', path: `${beehiiv}/by_email/${email}`, headers: beehiivAuth, json: { unsubscribe: true } },
    ],
    erase: (email) => [
      { method: 'GET', path: `${beehiiv}/by_email/${email}`, headers: beehiivAuth },
      { method: 'DELETE', path: new RegExp(`^${beehiiv}/sub_\\d+$`), headers: beehiivAuth },
    ],
  },
  {
    service: 'mailerlite',
    start: startMailerlite,
    forwarder: (stub) => ({
      service: 'mailerlite',
      apiKey: MAILERLITE_KEY,
      groupId: MAILERLITE_GROUP,
      baseUrl: `${stub.url}/api`,
    }),
    badMessage: /^HTTP 422: The email must be a valid email address\.$/,
    subscribe: (email) => [
      {
        method: 'POST',
        path: '/api/subscribers',
        headers: { ...mailerliteAuth, 'content-type': json },
        json: { email, status: 'active', fields: { name: READER_NAME }, groups: [MAILERLITE_GROUP] },
      },
    ],
    unsubscribe: (email) => [
      { method: 'POST', path: '/api/subscribers', headers: mailerliteAuth, json: { email, status: 'unsubscribed' } },
    ],
    erase: (email) => [
      { method: 'GET', path: `/api/subscribers/${email}`, headers: mailerliteAuth },
      { method: 'POST', path: /^\/api\/subscribers\/\d+\/forget$/, headers: mailerliteAuth },
    ],
  },
  {
    service: 'listmonk',
    start: startListmonk,
    forwarder: (stub) => ({
      service: 'listmonk',
      apiKey: `${LISTMONK_USER}:${LISTMONK_TOKEN}`,
      listId: LISTMONK_LISTS.join(','),
      baseUrl: stub.url,
    }),
    badMessage: /^HTTP 400: Invalid email\.$/,
    subscribe: (email) => [
      {
        method: 'POST',
        path: '/api/subscribers',
        headers: { ...listmonkAuth, 'content-type': json },
        json: { email, name: READER_NAME, status: 'enabled', lists: LISTMONK_LISTS, preconfirm_subscriptions: true },
      },
    ],
    // "E-mail already exists." (409): the address is looked up and this list added to its lists, confirmed.
    duplicate: (email) => [
      { method: 'POST', path: '/api/subscribers', headers: listmonkAuth },
      listmonkLookup(email),
      listmonkLists('add'),
    ],
    unsubscribe: (email) => [listmonkLookup(email), listmonkLists('unsubscribe')],
    erase: (email) => [
      listmonkLookup(email),
      { method: 'DELETE', path: /^\/api\/subscribers\/\d+$/, headers: listmonkAuth },
    ],
  },
  {
    service: 'ghost',
    start: startGhost,
    forwarder: (stub) => ({
      service: 'ghost',
      apiKey: `${GHOST_KEY_ID}:${GHOST_SECRET}`,
      labels: 'Lede',
      baseUrl: stub.url,
    }),
    badMessage: /^HTTP 400: Request not understood error, cannot save member\. Invalid email\.$/,
    subscribe: (email) => [
      {
        method: 'POST',
        path: '/ghost/api/admin/members/',
        headers: { ...ghostAuth, 'content-type': json },
        json: { members: [{ email, name: READER_NAME, labels: [{ name: 'Lede' }] }] },
      },
    ],
    unsubscribe: (email) => [
      ghostLookup(email),
      {
        method: 'PUT',
        path: /^\/ghost\/api\/admin\/members\/[0-9a-f]+\/$/,
        headers: ghostAuth,
        json: { members: [{ newsletters: [] }] },
      },
    ],
    erase: (email) => [
      ghostLookup(email),
      { method: 'DELETE', path: /^\/ghost\/api\/admin\/members\/[0-9a-f]+\/$/, headers: ghostAuth },
    ],
  },
);

/** An unsubscribe or erasure event carries the address and nothing else about the reader. */
function sameKeys(event, email, type) {
  return (
    JSON.stringify(Object.keys(event).sort()) === JSON.stringify(['email', 'id', 'list', 'type']) &&
    event.email === email &&
    event.type === type
  );
}
