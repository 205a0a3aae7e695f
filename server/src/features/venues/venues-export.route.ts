// GET /api/export/venues.{csv,geojson}: the register as a file, honouring the same filters as
// GET /api/venues (without paging: every matching row). Mounted at /api/export beside the ledger export.
import { Hono } from 'hono';
import { venueExportQuerySchema } from '@svm/contract';
import { checkTownshipAllowed, readScopeOf } from '../../auth/scope.queries.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { CSV, csvFile, download, GEOJSON, geojsonFile } from '../../kernel/export/files.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { VENUE_COLUMNS } from './venue-columns.ts';
import { toVenueFeature, venueFilterOf } from './venue-dto.ts';
import { venuesPage } from './venues.queries.ts';

export function venuesExportRoute({ db }: AppDeps) {
  const venueFilter = async (q: Parameters<typeof venueFilterOf>[0]) => {
    if (q.township !== undefined && !(await townshipExists(db, q.township))) {
      throw Problem.notFound(`township ${q.township} does not exist`);
    }
    return venueFilterOf(q);
  };
  return new Hono()
    .get('/venues.csv', validate('query', venueExportQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, q.township);
      const f = await venueFilter(q);
      const body = await csvFile((after, limit) => venuesPage(db, scope, f, after, limit), VENUE_COLUMNS);
      return download(c, body, CSV, 'venues', f.asOf);
    })
    .get('/venues.geojson', validate('query', venueExportQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, q.township);
      const f = await venueFilter(q);
      const body = await geojsonFile((after, limit) => venuesPage(db, scope, f, after, limit), f.asOf, toVenueFeature);
      return download(c, body, GEOJSON, 'venues', f.asOf);
    });
}
