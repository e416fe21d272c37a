import { newIdempotencyKey, type DeliveryRequest } from '../core/delivery.js';

/**
 * The publisher's own `<form>` inside `<lede-newsletter>` (often an email service's embed code) is
 * the contract: its method, encoding, field names, hidden fields and honeypots. These helpers read
 * and fill it through the prototypes, because its named fields shadow its properties
 * (`<input name="action">` replaces `form.action`, `name="submit"` replaces `form.submit`).
 */

const attribute = (form: HTMLFormElement, name: string): string =>
  Element.prototype.getAttribute.call(form, name)?.trim() ?? '';

const inputs = (form: HTMLFormElement): HTMLInputElement[] => [
  ...(Element.prototype.querySelectorAll.call(form, 'input') as NodeListOf<HTMLInputElement>),
];

/** The raw `action` attribute (null when absent: a form without one posts to the page itself). */
export const formAction = (form: HTMLFormElement): string | null => Element.prototype.getAttribute.call(form, 'action');

/** The field the service reads the address from: `type="email"` (`EMAIL`, `email_address`, `fields[email]`…), else a name with "email". */
export const emailField = (form: HTMLFormElement): HTMLInputElement | undefined =>
  inputs(form).find((i) => i.type === 'email') ??
  inputs(form).find((i) => i.type !== 'hidden' && /e-?mail/i.test(i.name));

/** The field for the reader's (first) name: `autocomplete="name|given-name"`, or a usual name (`name`, `FNAME`, `first_name`, `fields[name]`…). */
export const nameField = (form: HTMLFormElement): HTMLInputElement | undefined =>
  inputs(form).find(
    (i) =>
      i.type !== 'hidden' &&
      (/^(name|given-name)$/.test(i.autocomplete) ||
        /^(name|fname|first_?name|fields\[(first_)?name\])$/i.test(i.name)),
  );

/** Whether the form posts (a GET form, or a `dialog` one, is never sent by fetch). */
export const postsItself = (form: HTMLFormElement): boolean => attribute(form, 'method').toLowerCase() === 'post';

/** Whether the browser would open the answer in another window or frame than this page's. */
export const opensElsewhere = (form: HTMLFormElement): boolean =>
  !/^(|_self|_top|_parent)$/i.test(attribute(form, 'target'));

/** Puts what the reader typed into the publisher's fields; a ticked consent ticks the form's required checkboxes. */
export function fillForm(form: HTMLFormElement, email: string, name?: string, consent?: boolean): void {
  const address = emailField(form);
  if (address) address.value = email;
  const who = name === undefined ? undefined : nameField(form);
  if (who) who.value = name!;
  if (consent) for (const box of inputs(form)) if (box.type === 'checkbox' && box.required) box.checked = true;
}

/** Lets the browser submit the publisher's form itself: its method, encoding and `target`. */
export const submitNatively = (form: HTMLFormElement): void => HTMLFormElement.prototype.submit.call(form);

/**
 * The request the form would send, as storable text: its own fields (and `extra` ones it lacks),
 * urlencoded, or multipart when its `enctype` says so. Files are left out.
 */
export function formRequest(form: HTMLFormElement, url: string, extra: Record<string, string>): DeliveryRequest {
  const data = new FormData(form);
  for (const [key, value] of Object.entries(extra)) if (!data.has(key)) data.append(key, value);
  const fields = [...data].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  if (attribute(form, 'enctype').toLowerCase() !== 'multipart/form-data')
    return post(url, 'application/x-www-form-urlencoded', `${new URLSearchParams(fields)}`);
  const boundary = `----lede-${newIdempotencyKey()}`;
  // Names are escaped as the HTML standard's multipart encoding does; line breaks become CRLF.
  const escape = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const body = fields
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value.replace(/\r?\n/g, '\r\n')}\r\n`,
    )
    .join('');
  return post(url, `multipart/form-data; boundary=${boundary}`, `${body}--${boundary}--\r\n`);
}

export const post = (url: string, type: string, body: string): DeliveryRequest => ({
  url,
  method: 'POST',
  headers: { 'Content-Type': type },
  body,
});
