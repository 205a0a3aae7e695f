// GET /api/townships: township boundaries with venue and grid cell counts, as GeoJSON.
import { Hono } from 'hono';
import type { MultiPolygon, TownshipCollection, TownshipId } from '../../contract/index.ts';
import type { AppDeps } from '../../deps.ts';
import { townshipsWithCounts, type TownshipRow } from './townships.queries.ts';

function toFeature(row: TownshipRow): TownshipCollection['features'][number] {
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
    },
  };
}

export function townshipsRoute({ db }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const body: TownshipCollection = { type: 'FeatureCollection', features: (await townshipsWithCounts(db)).map(toFeature) };
    return c.json(body);
  });
}
