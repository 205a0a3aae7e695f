// Named queries of the import jobs (migration 0018): the row a job leaves behind, written when it is
// queued, started and finished (and its heartbeat on PostgreSQL), read back by its sender or an
// admin when the process holding it no longer knows it, gone 24 hours after it finished.
import { sql, type Queryable } from '@svm/db';
import type { ImportJob, ImportJobState, ImportPhase, ProblemDetails } from '@svm/contract';

/** How long a finished job can be read; older ones are deleted when the next job is queued. */
export const JOB_HOURS = 24;
/** A queued or running job whose heartbeat is older than this has lost its process (PostgreSQL). */
export const STALE_SECONDS = 60;

export interface JobRow {
  id: string;
  created_by: number;
  kind: string;
  bytes: number;
  state: ImportJobState;
  phase: ImportPhase | null;
  rows_read: number;
  rows_written: number;
  total_rows: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  result: Record<string, number> | null;
  problem: ProblemDetails | null;
  /** the heartbeat is older than STALE_SECONDS */
  stale: boolean;
}

const COLUMNS = sql`id::text, created_by, kind, bytes, state, phase, rows_read, rows_written, total_rows,
  created_at, started_at, finished_at, result, problem,
  heartbeat_at < now() - make_interval(secs => ${STALE_SECONDS}::int) AS stale`;

export function jobOfRow(r: JobRow): ImportJob {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    phase: r.phase,
    rowsRead: r.rows_read,
    rowsWritten: r.rows_written,
    totalRows: r.total_rows,
    bytes: r.bytes,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    result: r.result,
    problem: r.problem,
  };
}

/** Records a queued job (expiring finished jobs older than 24 hours first). */
export async function insertedJob(
  db: Queryable,
  j: { id: string; createdBy: number; kind: string; bytes: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(sql`DELETE FROM import_jobs WHERE finished_at < now() - make_interval(hours => ${JOB_HOURS}::int)`);
    await tx.query(sql`
      INSERT INTO import_jobs (id, created_by, kind, bytes, state)
      VALUES (${j.id}::uuid, ${j.createdBy}::int, ${j.kind}::text, ${j.bytes}::int, 'queued')`);
  });
}

/** Mirrors a job kept in memory to its row (start, end; state and progress). */
export async function updatedJob(db: Queryable, job: ImportJob): Promise<void> {
  await db.query(sql`
    UPDATE import_jobs
       SET state = ${job.state}::text, phase = ${job.phase}::text, rows_read = ${job.rowsRead}::int,
           rows_written = ${job.rowsWritten}::int, total_rows = ${job.totalRows}::int,
           started_at = ${job.startedAt}::timestamptz, finished_at = ${job.finishedAt}::timestamptz,
           result = ${job.result === null ? null : JSON.stringify(job.result)}::jsonb,
           problem = ${job.problem === null ? null : JSON.stringify(job.problem)}::jsonb,
           heartbeat_at = now()
     WHERE id = ${job.id}::uuid`);
}

/**
 * The running job's progress and a sign of life of its process (PostgreSQL, where other processes
 * may be asked for the job); never overwrites the job once it has finished.
 */
export async function heartbeat(db: Queryable, job: ImportJob): Promise<void> {
  await db.query(sql`
    UPDATE import_jobs
       SET phase = ${job.phase}::text, rows_read = ${job.rowsRead}::int, rows_written = ${job.rowsWritten}::int,
           total_rows = ${job.totalRows}::int, heartbeat_at = now()
     WHERE id = ${job.id}::uuid AND state IN ('queued', 'running')`);
}

/** The job's row when it is younger than 24 hours (or unfinished); null else. */
export async function jobRowOf(db: Queryable, id: string): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(sql`
    SELECT ${COLUMNS} FROM import_jobs
     WHERE id = ${id}::uuid
       AND (finished_at IS NULL OR finished_at >= now() - make_interval(hours => ${JOB_HOURS}::int))`);
  return rows[0] ?? null;
}

/**
 * Records a job whose process went away as failed, unless it finished meanwhile; the row as it
 * then is. Its transaction died with the process, so nothing of it was written.
 */
export async function interruptedJob(db: Queryable, id: string, problem: ProblemDetails): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(sql`
    UPDATE import_jobs
       SET state = 'failed', finished_at = now(), problem = ${JSON.stringify(problem)}::jsonb,
           phase = 'done'
     WHERE id = ${id}::uuid AND state IN ('queued', 'running')
    RETURNING ${COLUMNS}`);
  return rows[0] ?? (await jobRowOf(db, id));
}
