// Risk bins for the heatmap: venues and open hazards binned in metres of the city's own UTM zone.
import { sql, type Queryable } from '@svm/db';
import { HEATMAP_WEIGHTS } from '@svm/contract';
import { venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface RiskBinRow {
  i: number;
  j: number;
  weight: number;
  venues: number;
  open_hazards: number;
  lon: number;
  lat: number;
  geometry: string;
}

const W = HEATMAP_WEIGHTS;

/**
 * Square bins of `size` metres with origin (0, 0) in the city's UTM zone (city_metric_srid(), migration
 * 0011: true metres wherever the city is, so a bin is a square on the ground), as ST_SquareGrid lays them out:
 * bin (i, j) covers [i·size, (i+1)·size) × [j·size, (j+1)·size), so a point on an edge falls in
 * exactly one bin. Only non-empty bins are returned; only venues (and their hazards) in the scope weigh.
 */
export async function riskBins(
  db: Queryable,
  scope: ReadScope,
  bbox: number[],
  size: number,
  asOf: Date,
): Promise<RiskBinRow[]> {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const box = sql`ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)`;
  return db.query<RiskBinRow>(sql`
    WITH srid AS (SELECT city_metric_srid() AS srid),
         pts AS (
           SELECT ST_Transform(v.geom, (SELECT srid FROM srid)) AS g,
                  CASE v.risk_level WHEN 'high' THEN ${W.high}::int WHEN 'medium' THEN ${W.medium}::int ELSE ${W.low}::int END AS w,
                  1 AS venue, 0 AS hazard
             FROM venues v
            -- active as of then, as venue_patrol_status has it; its last-patrol lookup is not needed here
            WHERE v.geom && ${box} AND v.registered_at <= ${at} AND (v.closed_at IS NULL OR v.closed_at > ${at})
              AND ${venueInScope(scope)}
           UNION ALL
           SELECT ST_Transform(v.geom, (SELECT srid FROM srid)), ${W.openHazard}::int, 0, 1
             FROM hazards_as_of(${at}) h JOIN venues v ON v.id = h.venue_id
            WHERE h.is_open AND v.geom && ${box} AND ${venueInScope(scope)}),
         binned AS (
           SELECT floor(ST_X(g) / ${size}::float8)::int AS i, floor(ST_Y(g) / ${size}::float8)::int AS j, w, venue, hazard FROM pts),
         bins AS (
           SELECT i, j, sum(w)::int AS weight, sum(venue)::int AS venues, sum(hazard)::int AS open_hazards,
                  ST_SetSRID(ST_Square(${size}::float8, i, j), (SELECT srid FROM srid)) AS sq
             FROM binned GROUP BY i, j)
    SELECT i, j, weight, venues, open_hazards,
           ST_X(ST_Transform(ST_Centroid(sq), 4326)) AS lon, ST_Y(ST_Transform(ST_Centroid(sq), 4326)) AS lat,
           ST_AsGeoJSON(ST_Transform(sq, 4326), 6) AS geometry
      FROM bins
     ORDER BY j, i`);
}
