// Runs fuzz cases against the app on a test transaction: each case in its own savepoint (so one
// case cannot change what the next one sees), and checks the answer and that nothing was written.
import type { Queryable } from '@svm/db';
import type { Caller } from '../../auth/caller.ts';
import { bodyBudget } from '../../kernel/import/import-refusal.ts';
import { testApp } from '../app.ts';

export interface FuzzCase {
  /** what is wrong with the request, for the failure list */
  label: string;
  method: string;
  path: string;
  contentType?: string;
  /** further request headers (a hostile Prefer on an import) */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** which fixture caller sends it */
  as: string;
  /**
   * refused: bad input, must be a 4xx problem that writes nothing;
   * survives: hostile but possibly legal (an injection string as a name), must not be a 5xx
   * (a 4xx answer must still be a problem that writes nothing; a 2xx may write)
   */
  expect: 'refused' | 'survives';
  /** checksum the whole database after this case (writes); reads are checked once per batch */
  writes: boolean;
}

export interface FuzzReport {
  ran: number;
  byStatus: Record<string, number>;
  failures: string[];
}

const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Row count and md5 of every table of the public schema, in one statement. Table names come
 * from the catalog (quoted with format %I), never from a request. import_error_reports is left
 * out: a refused import stores its error report there on purpose, outside the domain data
 * (migration 0013); csv-imports.test.ts checks what it holds.
 */
export async function databaseChecksum(db: Queryable): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I', table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('spatial_ref_sys', 'import_error_reports') ORDER BY table_name`,
  );
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${name} x`,
  );
  const rows = await db.query<{ sum: string }>(
    `SELECT string_agg(t || ':' || n || ':' || h, ',' ORDER BY t) AS sum FROM (${parts.join(' UNION ALL ')}) s`,
  );
  return rows[0]?.sum ?? '';
}

class Rollback extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** A refused import answers at most the larger of its file and 8 KiB, never over 96 KiB (import-refusal.ts). */
function importRefusalTooLarge(c: FuzzCase, status: number, text: string): string | null {
  if (status !== 422 || !c.path.startsWith('/api/import/') || c.body === undefined) return null;
  const file = typeof c.body === 'string' ? Buffer.byteLength(c.body, 'utf8') : c.body.byteLength;
  const body = Buffer.byteLength(text, 'utf8');
  return body > bodyBudget(file) ? `a refusal of ${body} bytes for a file of ${file} bytes` : null;
}

/** What is wrong with one answer, or null when it is what the case expects. */
async function judge(c: FuzzCase, res: Response, logged: unknown[]): Promise<string | null> {
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return c.expect === 'refused' ? `opened an event stream (${res.status}) instead of refusing` : null;
  }
  const text = await res.text();
  const refusal = importRefusalTooLarge(c, res.status, text);
  if (refusal) return refusal;
  if (res.status >= 500) return `${res.status}: ${text.slice(0, 300)} ${logged.map(String).join('; ').slice(0, 300)}`;
  if (res.status >= 400) {
    if (!type.startsWith('application/problem+json')) return `${res.status} with Content-Type ${type}, not a problem`;
    try {
      const problem: unknown = JSON.parse(text);
      if (typeof problem !== 'object' || problem === null || Reflect.get(problem, 'status') !== res.status)
        return `problem body without its status: ${text.slice(0, 200)}`;
    } catch {
      return `problem body that is not JSON: ${text.slice(0, 200)}`;
    }
    return null;
  }
  return c.expect === 'refused' ? `accepted with ${res.status}: ${text.slice(0, 200)}` : null;
}

/** Runs every case; `callers` maps FuzzCase.as to the caller that sends it. */
export async function runCases(
  tx: Queryable,
  cases: readonly FuzzCase[],
  callers: Record<string, Caller>,
): Promise<FuzzReport> {
  const report: FuzzReport = { ran: 0, byStatus: {}, failures: [] };
  const before = await databaseChecksum(tx);
  for (const c of cases) {
    const caller = callers[c.as];
    if (!caller) throw new Error(`no fixture caller "${c.as}"`);
    const where = `${c.method} ${c.path.slice(0, 120)} [${c.label}]`;
    try {
      await tx.transaction(async (sp) => {
        const { app, logged } = await testApp(sp, { caller });
        const headers: Record<string, string> = {
          ...c.headers,
          ...(c.contentType === undefined ? {} : { 'Content-Type': c.contentType }),
        };
        // writes that still name their actor in X-Actor-Id (before sign-in) find the same user
        if (caller.userId !== null) headers['X-Actor-Id'] = String(caller.userId);
        const init: RequestInit = { method: c.method, headers, ...(c.body === undefined ? {} : { body: c.body }) };
        const res = await withTimeout(Promise.resolve(app.request(c.path, init)), ANSWER_TIMEOUT_MS);
        report.ran += 1;
        if (res === 'timeout') {
          report.failures.push(`${where}: no answer within ${ANSWER_TIMEOUT_MS} ms`);
          report.byStatus.timeout = (report.byStatus.timeout ?? 0) + 1;
          throw new Rollback();
        }
        report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
        const wrong = await judge(c, res, logged);
        if (wrong) report.failures.push(`${where}: ${wrong}`);
        // a refused request, or any 4xx, must have written nothing
        if (c.writes && (res.status >= 400 || c.expect === 'refused') && (await databaseChecksum(sp)) !== before) {
          report.failures.push(`${where}: answered ${res.status} but changed the database`);
        }
        throw new Rollback();
      });
    } catch (err) {
      if (!(err instanceof Rollback))
        report.failures.push(`${where}: the request broke the transaction: ${String(err).slice(0, 300)}`);
    }
  }
  if ((await databaseChecksum(tx)) !== before) report.failures.push('the batch as a whole changed the database');
  return report;
}

/** One line for the test output: how many cases ran and how they were answered. */
export function describeReport(name: string, r: FuzzReport): string {
  const statuses = Object.entries(r.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return `fuzz ${name}: ${r.ran} cases, ${r.failures.length} failures; answers ${statuses}`;
}
