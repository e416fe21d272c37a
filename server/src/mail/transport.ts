import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { QueuedMail } from './compose.js';

export interface MailTransport {
  description: string;
  send(id: string, mail: QueuedMail): Promise<void>;
  close(): void;
}

function message(from: string, mail: QueuedMail): SendMailOptions {
  return {
    from,
    // nodemailer encodes the display name (RFC 2047) and quotes it; the address was validated on signup.
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
  };
}

/** SMTP with SMTP_URL; otherwise one .eml file per mail in `mailDir`, written whole (tmp file, then rename). */
export function createTransport(smtpUrl: string | undefined, from: string, mailDir: string): MailTransport {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    const url = new URL(smtpUrl);
    return {
      description: `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      send: async (_id, mail) => {
        await transport.sendMail(message(from, mail));
      },
      close: () => transport.close(),
    };
  }
  mkdirSync(mailDir, { recursive: true });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `files in ${mailDir}`,
    send: async (id, mail) => {
      const info = await transport.sendMail(message(from, mail));
      const name = `${new Date().toISOString().replace(/:/g, '-')}-${id}.eml`;
      const tmp = join(mailDir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer);
      renameSync(tmp, join(mailDir, name));
    },
    close: () => {},
  };
}
