// GET /api/export/{hazards,venues}.{csv,geojson}: the ledger and the register as files, honouring
// the same filters as GET /api/hazards and GET /api/venues (without paging: every matching row).
import { Hono, type Context } from 'hono';
import { hazardExportQuerySchema, venueExportQuerySchema } from '@svm/contract';
import { checkTownshipAllowed, readScopeOf } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../deps.ts';
import { Problem } from '../../problem.ts';
import { validate } from '../../validate.ts';
import { ledgerPage } from '../hazards/hazards.queries.ts';
import { ledgerFilterOf, toLedgerRow } from '../hazards/ledger-dto.ts';
import { townshipExists } from '../townships/townships.queries.ts';
import { toVenueFeature, venueFilterOf } from '../venues/venue-dto.ts';
import { venuesPage } from '../venues/venues.queries.ts';
import { csvHeader, csvRow, type CsvColumn } from './csv.ts';
import { HAZARD_COLUMNS, VENUE_COLUMNS } from './columns.ts';
import { pagedStream } from './paged-stream.ts';

const CSV = 'text/csv; charset=utf-8';
const GEOJSON = 'application/geo+json; charset=utf-8';

function download(c: Context, body: ReadableStream<Uint8Array>, type: string, name: string, asOf: Date): Response {
  const stamp = asOf.toISOString().slice(0, 10).replaceAll('-', '');
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}-${stamp}.${type === CSV ? 'csv' : 'geojson'}"`,
    'Cache-Control': 'no-store',
  });
}

const featureCollectionHead = (asOf: Date) => `{"type":"FeatureCollection","asOf":${JSON.stringify(asOf.toISOString())},"features":[\n`;
const FEATURE_COLLECTION_TAIL = '\n]}\n';
const sep = (index: number) => (index === 0 ? '' : ',\n');

type FetchPage<R> = (after: number | null, limit: number) => Promise<R[]>;

/** Every matching row as CSV (BOM and header from the columns), streamed page by page. */
function csvFile<R extends { id: number }>(fetchPage: FetchPage<R>, columns: readonly CsvColumn<R>[]) {
  return pagedStream({ fetchPage, head: csvHeader(columns), row: (row) => csvRow(columns, row), tail: '' });
}

/** Every matching row as one GeoJSON FeatureCollection, streamed page by page. */
function geojsonFile<R extends { id: number }>(fetchPage: FetchPage<R>, asOf: Date, feature: (row: R) => unknown) {
  return pagedStream({
    fetchPage,
    head: featureCollectionHead(asOf),
    row: (row, i) => sep(i) + JSON.stringify(feature(row)),
    tail: FEATURE_COLLECTION_TAIL,
  });
}

export function exportsRoute({ db }: AppDeps) {
  const venueFilter = async (q: Parameters<typeof venueFilterOf>[0]) => {
    if (q.township !== undefined && !(await townshipExists(db, q.township))) {
      throw Problem.notFound(`township ${q.township} does not exist`);
    }
    return venueFilterOf(q);
  };
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
      const body = await geojsonFile((after, limit) => ledgerPage(db, scope, f, after, limit), f.asOf, (row) => ({
        type: 'Feature', id: row.id, geometry: { type: 'Point', coordinates: [row.lon, row.lat] }, properties: toLedgerRow(row),
      }));
      return download(c, body, GEOJSON, 'hazards', f.asOf);
    })
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
