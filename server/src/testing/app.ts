// Builds the app over a test transaction, with errors captured instead of printed.
import { databaseInfo, type Queryable } from '@svm/db';
import { testDb } from '@svm/db/testing';
import { createApp } from '../app.ts';

// Read once at import, outside any test's transaction: PGlite runs one connection, so a
// query on the database itself would wait forever for the open transaction to end.
const info = await databaseInfo(await testDb());

export async function testApp(db: Queryable, options: { webDist?: string } = {}) {
  const logged: unknown[] = [];
  const app = createApp({
    db,
    info,
    webDist: options.webDist ?? null,
    logError: (_message, err) => logged.push(err),
  });
  return { app, logged };
}

export const PROBLEM_JSON = 'application/problem+json';

/** The response body as the contract type the test expects (the assertions check it). */
export async function bodyOf<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
