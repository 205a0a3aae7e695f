// Named queries over townships.
import { sql, type Queryable } from '@svm/db';
import { townshipInScope, venueInScope, type ReadScope } from '../../auth/scope.queries.ts';
import type { TownshipKind } from '../../contract/index.ts';

export interface TownshipRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  kind: TownshipKind;
  venue_count: number;
  grid_cell_count: number;
  geometry: string;
}

/**
 * Every township in the scope with its boundary (GeoJSON text, 6 decimals ≈ 0.1 m) and its counts.
 * A department counts its categories' active venues, and the cells holding at least one of them.
 */
export async function townshipsWithCounts(db: Queryable, scope: ReadScope): Promise<TownshipRow[]> {
  // counts are grouped once per table rather than per township row (200k venues at city scale)
  return db.query<TownshipRow>(sql`
    SELECT t.id, t.code, t.name, t.name_en, t.kind::text AS kind,
           coalesce(v.n, 0)::int AS venue_count,
           coalesce(c.n, 0)::int AS grid_cell_count,
           ST_AsGeoJSON(t.geom, 6) AS geometry
      FROM townships t
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

export async function townshipExists(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM townships WHERE id = $1) AS found', [id]);
  return rows[0]?.found ?? false;
}

/** True once any township is loaded: an empty database is what start-up seeding looks for. */
export async function hasTownships(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM townships) AS found');
  return rows[0]?.found ?? false;
}
