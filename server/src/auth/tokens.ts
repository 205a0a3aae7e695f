// Bearer secrets (session and display tokens): 32 random bytes, base64url; only their sha256
// is stored, so the database never holds a usable credential.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
