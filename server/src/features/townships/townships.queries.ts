// Named queries over townships.
import { sql, type Queryable } from '@svm/db';
import { townshipInScope, venueInScope, type ReadScope } from '../../auth/scope.queries.ts';
import type { TownshipKind } from '@svm/contract';

export interface TownshipRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  kind: TownshipKind;
  venue_count: number;
  grid_cell_count: number;
  geometry: string;
  /** where the township's one name label goes */
  label_lon: number;
  label_lat: number;
}

/**
 * Every township in the scope with its boundary (GeoJSON text, 6 decimals ≈ 0.1 m), its counts and
 * its label point. A department counts its categories' active venues, and the cells holding at
 * least one of them.
 *
 * The label point is the centre of the largest circle inside the boundary (the pole of
 * inaccessibility), found in metres of the city's own UTM zone (city_metric_srid(), migration 0011)
 * because a degree of longitude is shorter than one of latitude away from the equator: in degrees a
 * tall township would get a circle squeezed sideways.
 * Unlike a centroid it is always inside, also in a crescent- or U-shaped township, and it lands in
 * the largest part of a township with islands. One point per township lets the web draw exactly
 * one label each (a label layer on the polygons gets one per tile piece).
 */
export async function townshipsWithCounts(db: Queryable, scope: ReadScope): Promise<TownshipRow[]> {
  // counts are grouped once per table rather than per township row (200k venues at city scale)
  return db.query<TownshipRow>(sql`
    SELECT t.id, t.code, t.name, t.name_en, t.kind::text AS kind,
           coalesce(v.n, 0)::int AS venue_count,
           coalesce(c.n, 0)::int AS grid_cell_count,
           ST_AsGeoJSON(t.geom, 6) AS geometry,
           round(ST_X(l.p)::numeric, 6)::float8 AS label_lon, round(ST_Y(l.p)::numeric, 6)::float8 AS label_lat
      FROM townships t
     CROSS JOIN LATERAL (SELECT ST_Transform((ST_MaximumInscribedCircle(ST_Transform(t.geom, (SELECT city_metric_srid())))).center, 4326) AS p) l
      LEFT JOIN (SELECT v.township_id, count(*) AS n FROM venues v WHERE v.status = 'active' AND ${venueInScope(scope)}
                  GROUP BY v.township_id) v
        ON v.township_id = t.id
      LEFT JOIN (SELECT gc.township_id, count(*) AS n FROM grid_cells gc
                  WHERE ${scope.categories === null}::boolean
                     OR EXISTS (SELECT 1 FROM venues v WHERE v.grid_cell_id = gc.id AND v.status = 'active' AND ${venueInScope(scope)})
                  GROUP BY gc.township_id) c
        ON c.township_id = t.id
     WHERE ${townshipInScope(scope, 't.id')}
     ORDER BY t.code`);
}

/** True once any township is loaded: an empty database is what start-up seeding looks for. */
export async function hasTownships(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM townships) AS found');
  return rows[0]?.found ?? false;
}
