// GET /api/export/hazards.{csv,geojson}: the ledger as a file, honouring the same filters as
// GET /api/hazards (without paging: every matching row). Mounted at /api/export beside the venue export.
import { Hono } from 'hono';
import { hazardExportQuerySchema } from '@svm/contract';
import { checkTownshipAllowed, readScopeOf } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { CSV, csvFile, download, GEOJSON, geojsonFile } from '../../kernel/export/files.ts';
import { validate } from '../../kernel/validate.ts';
import { HAZARD_COLUMNS } from './hazard-columns.ts';
import { ledgerPage } from './hazards.queries.ts';
import { ledgerFilterOf, toLedgerRow } from './ledger-dto.ts';

export function hazardsExportRoute({ db }: AppDeps) {
  return new Hono()
    .get('/hazards.csv', validate('query', hazardExportQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, q.township);
      const f = await ledgerFilterOf(db, q);
      const body = await csvFile((after, limit) => ledgerPage(db, scope, f, after, limit), HAZARD_COLUMNS);
      return download(c, body, CSV, 'hazards', f.asOf);
    })
    .get('/hazards.geojson', validate('query', hazardExportQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, q.township);
      const f = await ledgerFilterOf(db, q);
      const body = await geojsonFile(
        (after, limit) => ledgerPage(db, scope, f, after, limit),
        f.asOf,
        (row) => ({
          type: 'Feature',
          id: row.id,
          geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
          properties: toLedgerRow(row),
        }),
      );
      return download(c, body, GEOJSON, 'hazards', f.asOf);
    });
}
