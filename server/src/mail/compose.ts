import { escapeHtml } from '../html.js';
import { stringsFor } from './strings.js';

/** What waits in the mail queue: everything needed to send, nothing taken from reader text into a header. */
export interface QueuedMail {
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  lang: string;
}

interface Links {
  confirmUrl?: string;
  unsubscribeUrl: string;
}

function htmlMail(lang: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs.join('')}</body></html>`;
}

/** The double opt-in mail (`kind: 'confirm'`) or, for an address already confirmed, a notice (`'already'`). */
export function composeMail(kind: 'confirm' | 'already', lang: string, to: QueuedMail['to'], links: Links): QueuedMail {
  const s = stringsFor(lang);
  const unsubscribe = [`${s.unsubscribeLine}`, links.unsubscribeUrl];
  const headers = {
    'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
  if (kind === 'confirm' && links.confirmUrl) {
    const url = links.confirmUrl;
    return {
      to,
      lang,
      headers,
      subject: s.confirmSubject,
      text: [s.confirmIntro, '', url, '', s.confirmIgnore, '', ...unsubscribe, ''].join('\n'),
      html: htmlMail(lang, [
        `<p>${escapeHtml(s.confirmIntro)}</p>`,
        `<p><a href="${escapeHtml(url)}">${escapeHtml(s.confirmButton)}</a></p>`,
        `<p>${escapeHtml(s.confirmIgnore)}</p>`,
        `<p style="font-size:.875em">${escapeHtml(s.unsubscribeLine)} <a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(s.unsubscribeLink)}</a></p>`,
      ]),
    };
  }
  return {
    to,
    lang,
    headers,
    subject: s.alreadySubject,
    text: [s.alreadyIntro, '', ...unsubscribe, ''].join('\n'),
    html: htmlMail(lang, [
      `<p>${escapeHtml(s.alreadyIntro)}</p>`,
      `<p style="font-size:.875em">${escapeHtml(s.unsubscribeLine)} <a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(s.unsubscribeLink)}</a></p>`,
    ]),
  };
}
