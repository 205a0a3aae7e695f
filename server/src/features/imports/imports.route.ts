// POST /api/import/{townships,grid-cells,reference-points} (GeoJSON) and
// POST /api/import/{hazard-types,venues,patrols,hazards,acceptances,accounts} (CSV): each file is all-or-nothing,
// one transaction with one audit entry; any bad row or feature refuses the whole file, and the
// report of every error is kept for the sender (GET /api/import/reports/{id}.csv).
import { Hono, type Context } from 'hono';
import { importReportParamsSchema } from '@svm/contract';
import type { Queryable } from '@svm/db';
import { actorOf, type Actor } from '../../auth/actor.ts';
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
import { importPatrols } from './patrols.import.ts';
import { IMPORT_MAX_BYTES, requireMediaType, utf8Body } from '../../kernel/import/request-body.ts';
import type { Counts } from '../../kernel/import/row-writer.ts';
import { validate } from '../../kernel/validate.ts';
import { importVenues } from './venues.import.ts';
import { refusalWithReport, reportDownload } from './import-reports.ts';

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
  venues: { types: CSV_TYPES, run: (tx, text) => importVenues(tx, text) },
  patrols: { types: CSV_TYPES, run: (tx, text) => importPatrols(tx, text, new Date()) },
  hazards: { types: CSV_TYPES, run: importHazards },
  acceptances: { types: CSV_TYPES, run: importAcceptances },
  accounts: { types: CSV_TYPES, run: importAccounts },
};

export function importsRoute({ db }: AppDeps) {
  const handle = async (c: Context, kind: string) => {
    const importer = IMPORTERS[kind]!;
    requireMediaType(c, importer.types);
    const actor = await actorOf(c, db);
    requireAdmin(actor, `import ${kind}`);
    const text = await utf8Body(c);
    const counts = await db
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
        throw await refusalWithReport(c, db, err, {
          actor,
          kind,
          unit: importer.types === CSV_TYPES ? 'line' : 'feature',
          text,
        });
      });
    return c.json(counts);
  };
  const app = new Hono();
  for (const kind of Object.keys(IMPORTERS)) app.post(`/${kind}`, limitBody(IMPORT_MAX_BYTES), (c) => handle(c, kind));
  app.get('/reports/:id', validate('param', importReportParamsSchema), async (c) => {
    const actor = await actorOf(c, db);
    requireAdmin(actor, 'read import error reports');
    return reportDownload(c, db, actor, c.req.valid('param').id);
  });
  return app;
}
