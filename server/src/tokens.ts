import { createHash, randomBytes } from 'node:crypto';

/** A fresh link token and the hash that is stored in its place (the database never holds a usable token). */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
