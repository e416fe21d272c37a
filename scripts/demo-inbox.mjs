// The demo's local inbox (`/inbox/`): the mails lede-server wrote to its mail folder (it has no
// SMTP_URL in the demo), each shown as text and as HTML with working links, and the subscribers as
// the admin export sees them. A Vite plugin, so the inbox lives on the demo's own origin.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

const escape = (text) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
  );

/** Plain text with its http(s) links made clickable (everything else escaped). */
export function linkify(text) {
  return String(text ?? '')
    .split(/(https?:\/\/[^\s<>"')\]]+)/g)
    .map((part, index) => (index % 2 ? `<a href="${escape(part)}">${escape(part)}</a>` : escape(part)))
    .join('');
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem; color: #1d1d1f; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  pre { white-space: pre-wrap; background: #f5f5f7; padding: 1rem; border-radius: .5rem; }
  iframe { width: 100%; height: 28rem; border: 1px solid #ccc; border-radius: .5rem; background: #fff; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; word-break: break-all; }
  .empty { color: #555; } a { color: #0b5cad; }`;

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body>${body}</body>
</html>`;
}

async function mailFiles(mailDir) {
  let names;
  try {
    names = (await readdir(mailDir)).filter((name) => name.endsWith('.eml') && !name.startsWith('.'));
  } catch {
    return [];
  }
  const files = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(join(mailDir, name))).mtimeMs })),
  );
  return files.sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
}

async function subscribers(serverUrl, adminToken) {
  try {
    const answer = await fetch(`${serverUrl}/v1/admin/subscribers?format=json`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    if (!answer.ok) return { error: `the admin export answered ${answer.status}` };
    return { list: (await answer.json()).subscribers ?? [] };
  } catch (error) {
    return { error: `lede-server did not answer (${error.message})` };
  }
}

async function listPage({ mailDir, serverUrl, adminToken }) {
  const files = await mailFiles(mailDir);
  const mails = await Promise.all(
    files.map(async ({ name }) => ({ name, mail: await simpleParser(await readFile(join(mailDir, name))) })),
  );
  const rows = mails
    .map(
      ({ name, mail }) => `<tr><td>${escape(mail.date?.toISOString().replace('T', ' ').slice(0, 19) ?? '')}</td>
<td>${escape(mail.to?.text ?? '')}</td><td><a href="/inbox/${encodeURIComponent(name)}">${escape(mail.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('\n');
  const people = await subscribers(serverUrl, adminToken);
  const subscriberRows = people.list
    ?.map(
      (s) => `<tr><td>${escape(s.email)}</td><td>${escape(s.list ?? '')}</td><td class="status">${escape(s.status)}</td>
<td>${escape(s.consent?.text ?? '')}</td></tr>`,
    )
    .join('\n');
  return page(
    'Local inbox: Lede demo',
    `<h1>Local inbox</h1>
<p>The mails <code>lede-server</code> sent in this demo. It has no <code>SMTP_URL</code>, so it writes each mail to
<code>${escape(mailDir)}</code> instead of sending it. <a href="/inbox/">Check for new mail</a> ·
<a href="/">Back to the demo article</a></p>
${
  mails.length
    ? `<table><thead><tr><th scope="col">Sent (UTC)</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="empty">No mail yet. Subscribe in the demo article, then check again.</p>'
}
<h2>Subscribers (the admin export)</h2>
${
  people.error
    ? `<p class="empty">${escape(people.error)}</p>`
    : people.list.length
      ? `<table id="subscribers"><thead><tr><th scope="col">Email</th><th scope="col">List</th><th scope="col">Status</th><th scope="col">Consent text</th></tr></thead><tbody>${subscriberRows}</tbody></table>`
      : '<p class="empty">Nobody yet.</p>'
}`,
  );
}

async function messagePage({ mailDir }, name) {
  if (!/^[^/\\]+\.eml$/.test(name) || name.startsWith('.')) return undefined;
  let raw;
  try {
    raw = await readFile(join(mailDir, name));
  } catch {
    return undefined;
  }
  const mail = await simpleParser(raw);
  const header = (key) =>
    mail.headerLines
      .find((line) => line.key === key)
      ?.line.replace(/\r?\n\s+/g, ' ')
      .replace(/^[^:]*:\s*/, '') ?? '';
  // The mail's HTML runs in a sandboxed frame without scripts; its links open in this tab.
  const html = mail.html ? `<base target="_top">${mail.html}` : '';
  return page(
    `${mail.subject ?? 'Mail'}: local inbox`,
    `<p><a href="/inbox/">All mail</a></p>
<h1>${escape(mail.subject || '(no subject)')}</h1>
<dl>
<dt>From</dt><dd>${escape(mail.from?.text)}</dd>
<dt>To</dt><dd>${escape(mail.to?.text)}</dd>
<dt>Date</dt><dd>${escape(mail.date?.toISOString())}</dd>
<dt>List-Unsubscribe</dt><dd>${escape(header('list-unsubscribe'))}</dd>
<dt>List-Unsubscribe-Post</dt><dd>${escape(header('list-unsubscribe-post'))}</dd>
</dl>
${
  html
    ? `<h2>HTML</h2><iframe title="The mail as HTML" sandbox="allow-top-navigation-by-user-activation allow-popups" srcdoc="${escape(html)}"></iframe>`
    : ''
}
<h2>Plain text</h2>
<pre id="text">${linkify(mail.text)}</pre>`,
  );
}

/**
 * The inbox as a Vite plugin.
 * @param {{ mailDir: string, serverUrl: string, adminToken: string }} options
 * @returns {import('vite').Plugin}
 */
export function demoInbox(options) {
  return {
    name: 'lede-demo-inbox',
    configureServer(server) {
      server.middlewares.use('/inbox', async (req, res, next) => {
        try {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://demo').pathname);
          if (path === '' || path === '/' || path === '/index.html') {
            send(res, 200, await listPage(options));
            return;
          }
          const html = await messagePage(options, path.slice(1));
          if (html) send(res, 200, html);
          else send(res, 404, page('Not found', '<p>No such mail. <a href="/inbox/">All mail</a></p>'));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

function send(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}
