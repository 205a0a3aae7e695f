// POST /api/import/{townships,grid-cells,reference-points} (GeoJSON) and
// POST /api/import/{hazard-types,venues,patrols,hazards,acceptances,accounts} (CSV): each file is all-or-nothing,
// one transaction with one audit entry; any bad row or feature refuses the whole file, and the
// report of every error is kept for the sender (GET /api/import/reports/{id}.csv). With
// `Prefer: respond-async` the same import runs as a job instead: 202 with its Location, then
// GET /api/import/jobs/{id} shows its progress and, once done, the same answer (import-jobs.ts).
import { Hono, type Context } from 'hono';
import { importJobParamsSchema, importReportParamsSchema } from '@svm/contract';
import type { Queryable } from '@svm/db';
import { actorOf, type Actor } from '../../auth/actor.ts';
import { callerOf } from '../../auth/caller.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { limitBody } from '../../kernel/write-body.ts';
import { importAcceptances } from './acceptances.import.ts';
import { importAccounts } from './accounts.import.ts';
import { importGridCells, importReferencePoints, importTownships } from './geojson.import.ts';
import { importHazards } from './hazards.import.ts';
import { importHazardTypes } from './hazard-types.import.ts';
import { importDepartments } from './departments.import.ts';
import { importPatrols } from './patrols.import.ts';
import { IMPORT_MAX_BYTES, requireMediaType, utf8Body } from '../../kernel/import/request-body.ts';
import type { Counts } from '../../kernel/import/row-writer.ts';
import { validate } from '../../kernel/validate.ts';
import { importVenues } from './venues.import.ts';
import { refusalWithReport, reportDownload } from './import-reports.ts';
import { importJobsFor } from './import-jobs.ts';

const GEOJSON_TYPES = ['application/geo+json', 'application/json'] as const;
const CSV_TYPES = ['text/csv'] as const;

type Importer = (tx: Queryable, text: string, actor: Actor) => Promise<Counts>;

function geojson(run: (tx: Queryable, body: unknown) => Promise<Counts>): Importer {
  return (tx, text) => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      throw Problem.badRequest(`the body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, [
        { in: 'body', path: '', message: 'must be JSON' },
      ]);
    }
    return run(tx, body);
  };
}

const IMPORTERS: Record<string, { types: readonly string[]; run: Importer }> = {
  townships: { types: GEOJSON_TYPES, run: geojson(importTownships) },
  'grid-cells': { types: GEOJSON_TYPES, run: geojson(importGridCells) },
  'reference-points': { types: GEOJSON_TYPES, run: geojson(importReferencePoints) },
  'hazard-types': { types: CSV_TYPES, run: (tx, text) => importHazardTypes(tx, text) },
  departments: { types: CSV_TYPES, run: (tx, text) => importDepartments(tx, text) },
  venues: { types: CSV_TYPES, run: (tx, text) => importVenues(tx, text) },
  patrols: { types: CSV_TYPES, run: (tx, text) => importPatrols(tx, text, new Date()) },
  hazards: { types: CSV_TYPES, run: importHazards },
  acceptances: { types: CSV_TYPES, run: importAcceptances },
  accounts: { types: CSV_TYPES, run: importAccounts },
};

/** Whether the request asks for an asynchronous answer (RFC 7240 `Prefer: respond-async`). */
export function prefersAsync(c: Context): boolean {
  const prefer = c.req.header('Prefer') ?? '';
  return prefer.split(',').some((p) => p.split(/[;=]/)[0]!.trim().toLowerCase() === 'respond-async');
}

export function importsRoute(deps: AppDeps) {
  const { db } = deps;
  const logError = deps.logError ?? ((message: string, err: unknown) => console.error(message, err));
  const jobs = importJobsFor(db, { logError, shutdown: deps.shutdown, background: deps.background });
  /** The whole import in one transaction with its audit entry; a refusal leaves its report behind. */
  const imported = (kind: string, text: string, actor: Actor): Promise<Counts> => {
    const importer = IMPORTERS[kind]!;
    return (
      db
        .transaction(async (tx) => {
          const result = await importer.run(tx, text, actor);
          await audit(tx, actor, {
            action: `import.${kind}`,
            entity: kind,
            entityId: null,
            detail: { ...result, bytes: text.length },
          });
          return result;
        })
        // the import's transaction has rolled back: its report is stored on its own, then refused
        .catch(async (err: unknown) => {
          throw await refusalWithReport(db, err, {
            actor,
            kind,
            unit: importer.types === CSV_TYPES ? 'line' : 'feature',
            text,
            instance: `/api/import/${kind}`,
          });
        })
    );
  };
  const handle = async (c: Context, kind: string) => {
    const importer = IMPORTERS[kind]!;
    requireMediaType(c, importer.types);
    if (!prefersAsync(c)) {
      const actor = await actorOf(c, db);
      requireAdmin(actor, `import ${kind}`);
      return c.json(await imported(kind, await utf8Body(c), actor));
    }
    // A job is refused or queued without asking the database (on the embedded one a running job
    // holds it): the signed-in caller's role is fixed and a deactivation ends its sessions. The
    // account is read again, as for any write, when the job starts.
    const caller = callerOf(c);
    if (caller.userId === null || caller.readOnly || caller.role !== 'admin')
      throw Problem.forbidden(`${caller.name} may not import ${kind}: only an admin account may`);
    const text = await utf8Body(c);
    const job = await jobs.enqueue({
      kind,
      createdBy: caller.userId,
      bytes: Buffer.byteLength(text, 'utf8'),
      run: async () => imported(kind, text, await actorOf(c, db)),
    });
    const location = `/api/import/jobs/${job.id}`;
    return c.json(job, 202, { Location: location, 'Preference-Applied': 'respond-async', 'Cache-Control': 'no-store' });
  };
  const app = new Hono();
  for (const kind of Object.keys(IMPORTERS)) app.post(`/${kind}`, limitBody(IMPORT_MAX_BYTES), (c) => handle(c, kind));
  app.get('/jobs/:id', validate('param', importJobParamsSchema), async (c) => {
    const caller = callerOf(c);
    // no database here: while a job holds the embedded database's one connection, this still answers
    if (caller.role !== 'admin' || caller.readOnly)
      throw Problem.forbidden(`${caller.name} may not read import jobs: imports are the administrator's`);
    const id = c.req.valid('param').id;
    const job = await jobs.jobFor(id, caller);
    if (!job)
      throw Problem.notFound(
        `import job ${id} does not exist: jobs are kept 24 hours after they finish, for their sender and the admin accounts`,
      );
    c.header('Cache-Control', 'no-store');
    return c.json(job);
  });
  app.get('/reports/:id', validate('param', importReportParamsSchema), async (c) => {
    const actor = await actorOf(c, db);
    requireAdmin(actor, 'read import error reports');
    return reportDownload(c, db, actor, c.req.valid('param').id);
  });
  return app;
}
