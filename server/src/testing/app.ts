// Builds the app over a test transaction, with errors captured instead of printed.
import { databaseInfo, type Queryable } from '@svm/db';
import { testDb } from '@svm/db/testing';
import { createApp } from '../app.ts';
import { CITY_SCOPE, type Caller, type ResolveCaller } from '../auth/caller.ts';

// Read once at import, outside any test's transaction: PGlite runs one connection, so a
// query on the database itself would wait forever for the open transaction to end.
const info = await databaseInfo(await testDb());

/** A city-wide reader: what a test that is not about jurisdictions asks as. */
export const CITY_READER: Caller = {
  userId: null,
  name: 'test reader',
  role: 'city',
  scope: CITY_SCOPE,
  readOnly: false,
};

export interface TestAppOptions {
  webDist?: string;
  /** every request asks as this caller (null: as nobody); default CITY_READER */
  caller?: Caller | null;
  /** resolve callers the way production does instead (for sign-in tests) */
  resolveCaller?: ResolveCaller;
  /** the deployment's basemap style (BASEMAP_STYLE_URL); default none */
  basemapStyleUrl?: string;
  /** the city's time zone (CITY_TZ); default Asia/Shanghai, the Ningbo fixtures' */
  cityTimeZone?: string;
}

export async function testApp(db: Queryable, options: TestAppOptions = {}) {
  const logged: unknown[] = [];
  const fixed = options.caller === undefined ? CITY_READER : options.caller;
  const app = createApp({
    db,
    info,
    webDist: options.webDist ?? null,
    logError: (_message, err) => logged.push(err),
    resolveCaller: options.resolveCaller ?? (async () => fixed),
    basemapStyleUrl: options.basemapStyleUrl ?? null,
    ...(options.cityTimeZone ? { cityTimeZone: options.cityTimeZone } : {}),
  });
  return { app, logged };
}

export const PROBLEM_JSON = 'application/problem+json';

/** The response body as the contract type the test expects (the assertions check it). */
export async function bodyOf<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
