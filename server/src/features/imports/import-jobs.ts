// Imports run as jobs: one at a time per process and database, the rest queued in order. A job's
// progress lives in memory (the embedded database's one connection is held by the import's
// transaction, so a status read must not need it) and is mirrored to import_jobs when the job is
// queued, starts and ends, and on PostgreSQL every few seconds as a heartbeat. A job the process no
// longer knows (it restarted) reads from its row; left queued or running there it is recorded as
// failed, interrupted, with nothing written: the import's one transaction died with the process.
import { randomUUID } from 'node:crypto';
import type { ImportJob, ProblemDetails } from '@svm/contract';
import type { Queryable } from '@svm/db';
import type { Caller } from '../../auth/caller.ts';
import type { BackgroundWork } from '../../kernel/background-work.ts';
import { connectionHeld, holdingConnection } from '../../kernel/connection-hold.ts';
import { ImportInterrupted, ImportProgress, withProgress } from '../../kernel/import/progress.ts';
import type { Counts } from '../../kernel/import/row-writer.ts';
import { Problem, toProblem } from '../../kernel/problem.ts';
import { heartbeat, insertedJob, interruptedJob, jobOfRow, jobRowOf, updatedJob } from './import-jobs.queries.ts';

/** How often a running job's progress and sign of life reach its row (PostgreSQL). */
const HEARTBEAT_MS = 5_000;
/** Finished jobs answered from memory (the rest from the table, for 24 hours). */
const REMEMBERED = 200;

export const IMPORT_INTERRUPTED_PROBLEM_TYPE = 'urn:svm:problem:import-interrupted';

/** The failure of a job its process could not finish: nothing of it was written. */
export function interruptedProblem(kind: string, why: string): ProblemDetails {
  return {
    type: IMPORT_INTERRUPTED_PROBLEM_TYPE,
    title: 'Import interrupted',
    status: 503,
    detail: `the import was interrupted (${why}); nothing was written: send the file again`,
    instance: `/api/import/${kind}`,
  };
}

interface Held {
  /** its row has been written */
  stored: boolean;
  job: ImportJob;
  createdBy: number;
  progress: ImportProgress;
  run: () => Promise<Counts>;
}

export interface JobOptions {
  logError: (message: string, err: unknown) => void;
  /** aborted when the process shuts down: the running job is cancelled, queued ones fail */
  shutdown?: AbortSignal | undefined;
  background?: BackgroundWork | undefined;
}

export class ImportJobs {
  private readonly held = new Map<string, Held>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    private readonly options: JobOptions,
  ) {}

  /** Queues an import; its job as first answered (202). `run` does the whole import in one transaction. */
  async enqueue(file: { kind: string; createdBy: number; bytes: number; run: () => Promise<Counts> }) {
    if (this.options.shutdown?.aborted)
      throw Problem.serviceUnavailable('the server is shutting down; send the file again once it is back', 30);
    const id = randomUUID();
    // recorded now, unless a job holds the embedded database's one connection: then when it starts
    const stored = !connectionHeld(this.db);
    if (stored) await insertedJob(this.db, { id, createdBy: file.createdBy, kind: file.kind, bytes: file.bytes });
    const held: Held = {
      stored,
      job: {
        id,
        kind: file.kind,
        state: 'queued',
        phase: null,
        rowsRead: 0,
        rowsWritten: 0,
        totalRows: null,
        bytes: file.bytes,
        createdAt: new Date().toISOString(),
        startedAt: null,
        finishedAt: null,
        result: null,
        problem: null,
      },
      createdBy: file.createdBy,
      progress: new ImportProgress(this.options.shutdown),
      run: file.run,
    };
    this.held.set(id, held);
    this.queue = this.queue.then(() => this.runOne(held));
    void this.options.background?.track(this.queue);
    return this.view(held);
  }

  /**
   * The job for `caller`: its sender or an admin account; null when it is unknown, expired or
   * someone else's (never said apart). Answered from memory while this process holds the job.
   */
  async jobFor(id: string, caller: Caller): Promise<ImportJob | null> {
    const may = (createdBy: number) => caller.userId === createdBy || (caller.role === 'admin' && !caller.readOnly);
    const held = this.held.get(id);
    if (held) return may(held.createdBy) ? this.view(held) : null;
    let row = await jobRowOf(this.db, id);
    if (!row || !may(row.created_by)) return null;
    // not this process's: on the embedded database (one process per data folder) its process is
    // gone; on PostgreSQL another process may hold it, and has gone once its heartbeat is stale
    if ((row.state === 'queued' || row.state === 'running') && (this.db.driver === 'pglite' || row.stale))
      row = await interruptedJob(this.db, id, interruptedProblem(row.kind, 'the server stopped while it ran'));
    return row ? jobOfRow(row) : null;
  }

  private view(held: Held): ImportJob {
    const { job, progress } = held;
    if (job.state !== 'running') return { ...job };
    return {
      ...job,
      phase: progress.phase,
      rowsRead: progress.rowsRead,
      rowsWritten: progress.rowsWritten,
      totalRows: progress.total,
    };
  }

  /** Runs one job to its end; never rejects (the queue goes on). */
  private async runOne(held: Held): Promise<void> {
    const { job } = held;
    if (this.options.shutdown?.aborted) {
      if (!held.stored)
        await insertedJob(this.db, { id: job.id, createdBy: held.createdBy, kind: job.kind, bytes: job.bytes }).catch(
          (err: unknown) => this.options.logError('recording an import job', err),
        );
      await this.finish(held, { problem: interruptedProblem(job.kind, 'the server shut down before it started') });
      return;
    }
    job.state = 'running';
    job.phase = 'reading';
    job.startedAt = new Date().toISOString();
    let beat: Promise<void> = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!held.stored)
        await insertedJob(this.db, { id: job.id, createdBy: held.createdBy, kind: job.kind, bytes: job.bytes });
      held.stored = true;
      await updatedJob(this.db, job);
      // the running job's progress, and a sign of life for it and the jobs queued behind it
      if (this.db.driver === 'pg')
        timer = setInterval(() => {
          const live = [...this.held.values()].filter((h) => h.stored && h.job.finishedAt === null);
          beat = beat.then(async () => {
            for (const h of live) await heartbeat(this.db, this.view(h)).catch(() => {});
          });
        }, HEARTBEAT_MS);
      const run = () => withProgress(held.progress, held.run);
      // the embedded database's one connection is the job's until its transaction ends
      const result = await (this.db.driver === 'pglite' ? holdingConnection(this.db, run) : run());
      clearInterval(timer);
      await beat;
      await this.finish(held, { result: { ...result } });
    } catch (err) {
      clearInterval(timer);
      await beat;
      const problem =
        err instanceof ImportInterrupted
          ? interruptedProblem(job.kind, 'the server shut down while it ran')
          : toProblem(err, this.options.logError).toDetails(`/api/import/${job.kind}`);
      await this.finish(held, { problem });
    }
  }

  private async finish(held: Held, end: { result: Record<string, number> } | { problem: ProblemDetails }) {
    const { job } = held;
    Object.assign(job, this.view(held), {
      state: 'result' in end ? 'succeeded' : 'failed',
      phase: 'done',
      finishedAt: new Date().toISOString(),
      result: 'result' in end ? end.result : null,
      problem: 'problem' in end ? end.problem : null,
    });
    await updatedJob(this.db, job).catch((err: unknown) => this.options.logError('recording an import job', err));
    // the finished job stays answerable from memory for a while (the table has it for 24 hours)
    const finished = [...this.held.values()].filter((h) => h.job.finishedAt !== null);
    for (const old of finished.slice(0, Math.max(0, finished.length - REMEMBERED))) this.held.delete(old.job.id);
  }
}

// one runner per database per process, whichever app (tests make several) queues the job
const runners = new WeakMap<object, ImportJobs>();

export function importJobsFor(db: Queryable, options: JobOptions): ImportJobs {
  let runner = runners.get(db);
  if (!runner) runners.set(db, (runner = new ImportJobs(db, options)));
  return runner;
}
