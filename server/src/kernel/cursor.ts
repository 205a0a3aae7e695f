// Opaque keyset cursors: the last id of a page, so the next page starts after it. The text is
// base64url so clients treat it as opaque; anything that does not decode to an id is a 400.
import { Problem } from './problem.ts';

const PREFIX = 'id:';

export function encodeCursor(lastId: number): string {
  return Buffer.from(`${PREFIX}${lastId}`).toString('base64url');
}

/** The id to start after; null without a cursor. */
export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id =
    text.startsWith(PREFIX) && /^\d{1,15}$/.test(text.slice(PREFIX.length)) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(id)) {
    const message = 'cursor must be the nextCursor value a previous page returned';
    throw Problem.badRequest(`cursor: ${message}`, [{ in: 'query', path: 'cursor', message }]);
  }
  return id;
}

/** Cuts a page fetched with one extra row into items and the cursor of the next page. */
export function pageOf<T extends { id: number }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
