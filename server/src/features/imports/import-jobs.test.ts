// Imports as jobs (issue 13): `Prefer: respond-async` answers 202 with the job, whose progress and
// final answer GET /api/import/jobs/{id} shows; still all-or-nothing. On a database of its own where
// transactions really commit (a job's transaction is its own, as in production).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import type { ImportJob, ImportRefusalProblem } from '@svm/contract';
import type { App } from '../../app.ts';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { importSenders, upload } from '../../testing/imports-fixture.ts';
import { checksum } from '../../testing/workflow-fixture.ts';
import { BackgroundWork } from '../../kernel/background-work.ts';
import { ImportJobs } from './import-jobs.ts';
import { writeRows } from '../../kernel/import/row-writer.ts';
import { ImportErrors } from '../../kernel/import/import-errors.ts';

let db: Db;
let drop: () => Promise<void>;
let admin: App;
let otherAdmin: App;
let leader: App;
let nobody: App;
let adminId: number;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  ({ admin, otherAdmin, leader, nobody, adminId } = await importSenders(db));
}, 60_000);
afterAll(async () => drop());

const HEADER = 'external_id,name,category,risk_level,lon,lat,registered_at\n';
/** n venues spread over township A's cells (121.0-121.1, 30.0-30.1); `tag` keeps files apart. */
function venues(n: number, tag: string): string {
  let file = HEADER;
  for (let i = 0; i < n; i++)
    file += `${tag}-${i},店${i},retail,low,${(121.001 + (i % 97) / 1000).toFixed(4)},${(30.001 + (i % 89) / 1000).toFixed(4)},2026-01-01\n`;
  return file;
}
const sendAsync = (app: App, kind: string, body: string) =>
  app.request(`/api/import/${kind}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv; charset=utf-8', Prefer: 'respond-async' },
    body,
  });
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Polls the job until it has finished; every answer seen on the way. */
async function polled(app: App, location: string): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  for (;;) {
    const res = await app.request(location);
    expect(res.status).toBe(200);
    const job = await bodyOf<ImportJob>(res);
    seen.push(job);
    if (job.state === 'succeeded' || job.state === 'failed') return seen;
    await tick();
  }
}
const count = async (tag: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM venues WHERE external_id LIKE $1`, [`${tag}-%`]))[0]!
    .n;

describe('an import sent with Prefer: respond-async', () => {
  it('answers 202 with the queued job, shows its progress while it runs, then the counts; the venues are there', async () => {
    const res = await sendAsync(admin, 'venues', venues(5000, 'J'));
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    const accepted = await bodyOf<ImportJob>(res);
    expect(res.headers.get('location')).toBe(`/api/import/jobs/${accepted.id}`);
    expect(accepted).toMatchObject({
      kind: 'venues',
      state: 'queued',
      phase: null,
      rowsRead: 0,
      rowsWritten: 0,
      totalRows: null,
      result: null,
      problem: null,
      startedAt: null,
      finishedAt: null,
    });

    const seen = await polled(admin, res.headers.get('location')!);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      state: 'succeeded',
      phase: 'done',
      rowsRead: 5000,
      rowsWritten: 5000,
      totalRows: 5000,
      result: { inserted: 5000, updated: 0 },
      problem: null,
    });
    expect(Date.parse(last.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(last.startedAt!));
    // while it ran, the status answered with the file read and the writing under way (batches of 2,000)
    const during = seen.filter((j) => j.state === 'running');
    expect(during.length).toBeGreaterThan(0);
    expect(during.some((j) => j.totalRows === 5000 && j.rowsRead === 5000 && j.rowsWritten < 5000)).toBe(true);
    // progress never goes back
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.rowsRead).toBeGreaterThanOrEqual(seen[i - 1]!.rowsRead);
      expect(seen[i]!.rowsWritten).toBeGreaterThanOrEqual(seen[i - 1]!.rowsWritten);
    }
    expect(await count('J')).toBe(5000);
    const audits = await db.query<{ action: string; detail: { inserted: number } }>(
      `SELECT action, detail FROM audit_log WHERE action = 'import.venues' AND actor_id = $1`,
      [adminId],
    );
    expect(audits.map((a) => [a.action, a.detail.inserted])).toEqual([['import.venues', 5000]]);
    // the row in the table says the same once the job is done
    const [row] = await db.query<{ state: string; rows_written: number; result: unknown }>(
      `SELECT state, rows_written, result FROM import_jobs WHERE id = $1::uuid`,
      [accepted.id],
    );
    expect(row).toEqual({ state: 'succeeded', rows_written: 5000, result: { inserted: 5000, updated: 0 } });
  }, 120_000);

  it('queues a second job sent while the first runs, answering 202 at once, and runs it after the first', async () => {
    const first = await sendAsync(admin, 'venues', venues(5000, 'Q1'));
    const location = first.headers.get('location')!;
    while ((await bodyOf<ImportJob>(await admin.request(location))).state !== 'running') await tick();
    // sent while the first holds the database (the embedded one has a single connection)
    const second = await sendAsync(admin, 'venues', venues(10, 'Q2'));
    expect(second.status).toBe(202);
    expect((await bodyOf<ImportJob>(await admin.request(location))).state).toBe('running');
    expect((await bodyOf<ImportJob>(await admin.request(second.headers.get('location')!))).state).toBe('queued');
    const [a, b] = [
      (await polled(admin, location)).at(-1)!,
      (await polled(admin, second.headers.get('location')!)).at(-1)!,
    ];
    expect(a.result).toEqual({ inserted: 5000, updated: 0 });
    expect(b.result).toEqual({ inserted: 10, updated: 0 });
    // the second started only once the first had finished, and its row was recorded
    expect(Date.parse(b.startedAt!)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt!));
    const rows = await db.query<{ state: string }>(`SELECT state FROM import_jobs WHERE id = $1::uuid`, [b.id]);
    expect(rows).toEqual([{ state: 'succeeded' }]);
  }, 120_000);

  it('ends a bad file failed with the same problem and report as the synchronous import, and writes nothing', async () => {
    const file = HEADER + 'F-1,ok,retail,low,121.01,30.01,2026-01-01\n' + 'F-2,bad,bakery,low,121.01,95,2026-01-01\n';
    const sync = await bodyOf<ImportRefusalProblem>(await upload(admin, 'venues', file));
    const before = await checksum(db);

    const res = await sendAsync(admin, 'venues', file);
    expect(res.status).toBe(202);
    const job = (await polled(admin, res.headers.get('location')!)).at(-1)!;
    expect(job.state).toBe('failed');
    expect(job.result).toBeNull();
    const problem = job.problem as ImportRefusalProblem;
    expect(problem.errorsCsv).toMatch(/^\/api\/import\/reports\/[0-9a-f-]{36}\.csv$/);
    expect(problem.errorsCsv).not.toBe(sync.errorsCsv);
    expect({ ...problem, errorsCsv: null }).toEqual({ ...sync, errorsCsv: null });
    expect(problem).toMatchObject({
      type: 'urn:svm:problem:import-refused',
      status: 422,
      instance: '/api/import/venues',
      errorCount: 2,
      countsByReason: { unknown_value: 1, out_of_range: 1 },
    });
    // the report is the sender's, as for the synchronous refusal
    const report = await admin.request(problem.errorsCsv!);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('3,category,unknown_value,');
    expect((await otherAdmin.request(problem.errorsCsv!)).status).toBe(404);
    expect(await checksum(db)).toEqual(before);
    expect(await count('F')).toBe(0);
  }, 60_000);

  it('shows the job to the admin accounts only: 403 to a township account, 401 to nobody, 404 for an unknown id', async () => {
    const res = await sendAsync(admin, 'venues', venues(3, 'W'));
    const location = res.headers.get('location')!;
    await polled(admin, location);
    expect((await otherAdmin.request(location)).status).toBe(200);
    const township = await leader.request(location);
    expect(township.status).toBe(403);
    expect(township.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(await township.text()).not.toContain('"rowsRead"');
    expect((await nobody.request(location)).status).toBe(401);
    expect((await admin.request('/api/import/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.request('/api/import/jobs/not-a-job')).status).toBe(400);
    // a township account cannot queue one either, and nothing is recorded
    const refused = await sendAsync(leader, 'venues', venues(3, 'L'));
    expect(refused.status).toBe(403);
    expect(await db.query(`SELECT id FROM import_jobs WHERE kind = 'venues' AND created_by <> $1`, [adminId])).toEqual(
      [],
    );
  }, 60_000);

  it('keeps answering without the header as before: 200 with the counts', async () => {
    const res = await upload(admin, 'venues', venues(2, 'S'));
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toEqual({ inserted: 2, updated: 0 });
  });
});

describe('a job its process could not finish', () => {
  it('reads as failed, interrupted, nothing written, when the server restarted while it was running', async () => {
    // what a process that stopped ten minutes ago mid-import leaves behind; this process never knew it
    const [left] = await db.query<{ id: string }>(
      `INSERT INTO import_jobs (id, created_by, kind, bytes, state, phase, rows_read, rows_written, total_rows,
                                created_at, started_at, heartbeat_at)
       VALUES (gen_random_uuid(), $1, 'hazards', 2000000, 'running', 'writing', 38306, 12000, 38306,
               now() - interval '11 minutes', now() - interval '11 minutes', now() - interval '10 minutes')
       RETURNING id::text`,
      [adminId],
    );
    const res = await admin.request(`/api/import/jobs/${left!.id}`);
    expect(res.status).toBe(200);
    const job = await bodyOf<ImportJob>(res);
    expect(job).toMatchObject({
      id: left!.id,
      kind: 'hazards',
      state: 'failed',
      phase: 'done',
      result: null,
      problem: {
        type: 'urn:svm:problem:import-interrupted',
        status: 503,
        instance: '/api/import/hazards',
        detail:
          'the import was interrupted (the server stopped while it ran); nothing was written: send the file again',
      },
    });
    expect(job.finishedAt).not.toBeNull();
    const [row] = await db.query<{ state: string }>(`SELECT state FROM import_jobs WHERE id = $1::uuid`, [left!.id]);
    expect(row!.state).toBe('failed');
  });

  it('fails the running job at its next step when the server shuts down, rolls it back, and fails the queued ones', async () => {
    const shutdown = new AbortController();
    const background = new BackgroundWork();
    const jobs = new ImportJobs(db, { logError: () => {}, shutdown: shutdown.signal, background });
    // an import of 3 rows that stops after writing the first, as if the next rows took long
    let wrote!: () => void;
    const firstWritten = new Promise<void>((r) => (wrote = r));
    const run = () =>
      db.transaction(async (tx) => {
        const rows = [1, 2, 3].map((line) => ({ line }));
        const counts = await writeRows(tx, rows, new ImportErrors(), async (sp, { line }) => {
          const [v] = await sp.query<{ id: number }>(
            `INSERT INTO venues (external_id, name, category, risk_level, geom, registered_at)
             VALUES ($1, '店', 'retail', 'low', ST_SetSRID(ST_MakePoint(121.01, 30.01), 4326), '2026-01-01') RETURNING id`,
            [`X-${line}`],
          );
          if (line === 1) {
            wrote();
            await new Promise((r) => setTimeout(r, 200));
          }
          return { id: v!.id, inserted: true };
        });
        return { inserted: counts.inserted, updated: counts.updated };
      });
    const running = await jobs.enqueue({ kind: 'venues', createdBy: adminId, bytes: 10, run });
    const queued = await jobs.enqueue({ kind: 'venues', createdBy: adminId, bytes: 10, run });
    await firstWritten;
    shutdown.abort();
    await background.settled();
    const caller = {
      userId: adminId,
      name: 'a',
      role: 'admin' as const,
      scope: { kind: 'city' as const },
      readOnly: false,
    };
    const [a, b] = [(await jobs.jobFor(running.id, caller))!, (await jobs.jobFor(queued.id, caller))!];
    expect(a).toMatchObject({
      state: 'failed',
      rowsWritten: 1,
      problem: { type: 'urn:svm:problem:import-interrupted' },
    });
    expect(a.problem!.detail).toContain('the server shut down while it ran');
    expect(b).toMatchObject({
      state: 'failed',
      startedAt: null,
      problem: { type: 'urn:svm:problem:import-interrupted' },
    });
    expect(b.problem!.detail).toContain('the server shut down before it started');
    expect(await count('X')).toBe(0);
    const rows = await db.query<{ state: string }>(`SELECT state FROM import_jobs WHERE id = ANY($1::uuid[])`, [
      [running.id, queued.id],
    ]);
    expect(rows.map((r) => r.state)).toEqual(['failed', 'failed']);
  });
});
