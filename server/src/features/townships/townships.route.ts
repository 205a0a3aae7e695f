// GET /api/townships?asOf=&from=&to=: township boundaries with venue and grid cell counts and
// each township's KPIs, as GeoJSON.
import { Hono } from 'hono';
import {
  townshipsQuerySchema,
  type Kpis,
  type MultiPolygon,
  type TownshipCollection,
  type TownshipId,
} from '@svm/contract';
import { readScopeOf, scopeDto } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { validate } from '../../kernel/validate.ts';
import { cachedKpiCounts, newKpiCache } from '../../domain/kpi/kpi-cache.ts';
import { sumCounts, toKpis } from '../../domain/kpi/kpis.ts';
import { townshipsWithCounts, type TownshipRow } from './townships.queries.ts';

function toFeature(row: TownshipRow, kpis: Kpis): TownshipCollection['features'][number] {
  const id = row.id as TownshipId;
  return {
    type: 'Feature',
    id,
    // ST_AsGeoJSON of a geometry(MultiPolygon) column
    geometry: JSON.parse(row.geometry) as MultiPolygon,
    properties: {
      id,
      code: row.code,
      name: row.name,
      nameEn: row.name_en,
      kind: row.kind,
      venueCount: row.venue_count,
      gridCellCount: row.grid_cell_count,
      labelPoint: [row.label_lon, row.label_lat],
      kpis,
    },
  };
}

export function townshipsRoute({ db }: AppDeps) {
  const kpiCache = newKpiCache();
  return new Hono().get('/', validate('query', townshipsQuerySchema), async (c) => {
    const window = c.req.valid('query');
    // an asOf left out is the clock's now: its figures drift with time, so they are not cached
    const asOfNamed = c.req.query('asOf') !== undefined;
    // a township account gets its own township only; a department every township, counted over its venues
    const scope = await readScopeOf(c, db);
    const rows = await townshipsWithCounts(db, scope);
    const kpis = await cachedKpiCounts(db, kpiCache, { ...window, scope, townshipId: null }, asOfNamed);
    const counts = new Map(kpis.map((r) => [r.township_id, r]));
    const body: TownshipCollection = {
      type: 'FeatureCollection',
      period: { asOf: window.asOf.toISOString(), from: window.from.toISOString(), to: window.to.toISOString() },
      scope: scopeDto(scope),
      features: rows.map((row) => {
        const own = counts.get(row.id);
        return toFeature(row, toKpis(sumCounts(own ? [own] : []), own?.provisional ?? false));
      }),
    };
    return c.json(body);
  });
}
