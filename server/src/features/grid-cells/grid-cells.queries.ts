// Named queries over grid cells: outlines with their worker and patrol status as of a moment,
// a cell's recent patrols and its overdue venues.
import { sql, type Queryable } from '@svm/db';
import { townshipInScope, venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface GridCellRow {
  id: number;
  code: string;
  name: string;
  township_id: number;
  worker_id: number | null;
  worker_name: string | null;
  last_patrol_at: Date | null;
  days_since_patrol: number | null;
  unpatrolled: boolean;
  venues: number;
  overdue_venues: number;
  overdue_share: number;
  geometry: string;
}

export interface GridCellFilter {
  asOf: Date;
  townshipId: number | null;
  bbox: readonly [number, number, number, number] | null;
  cellId: number | null;
}

/** Grid cells in the scope with their worker and patrol status as of a moment, filtered by township, bbox or id. */
export async function gridCellsWithStatus(db: Queryable, scope: ReadScope, f: GridCellFilter): Promise<GridCellRow[]> {
  return f.bbox === null && f.cellId === null ? wholeCells(db, scope, f) : someCells(db, scope, f);
}

// A bbox or one cell: cell_patrol_status counts each cell's venues through its index (a few cells).
function someCells(db: Queryable, scope: ReadScope, f: GridCellFilter): Promise<GridCellRow[]> {
  const [x0, y0, x1, y1] = f.bbox ?? [null, null, null, null];
  return db.query<GridCellRow>(sql`
    SELECT c.id, c.code, c.name, c.township_id, u.id AS worker_id, u.display_name AS worker_name,
           s.last_patrol_at, s.days_since_patrol, s.unpatrolled, s.venues, s.overdue_venues, s.overdue_share,
           ST_AsGeoJSON(c.geom, 6) AS geometry
      FROM grid_cells c
      JOIN cell_patrol_status(${f.asOf}::timestamptz) s ON s.grid_cell_id = c.id
      LEFT JOIN users u ON u.id = c.worker_id
     WHERE ${townshipInScope(scope, 'c.township_id')}
       AND (${f.townshipId}::int IS NULL OR c.township_id = ${f.townshipId}::int)
       AND (${f.cellId}::int IS NULL OR c.id = ${f.cellId}::int)
       AND (${x0}::float8 IS NULL
            OR ST_Intersects(c.geom, ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 4326)))
     ORDER BY c.code`);
}

// The whole city or a township: per-cell lookups of venues scattered over the table's pages cost
// seconds at 200,000 venues, so the venues are counted in one grouped pass, exactly as
// cell_patrol_status counts them (its unused per-cell counts are then left out of the plan).
function wholeCells(db: Queryable, scope: ReadScope, f: GridCellFilter): Promise<GridCellRow[]> {
  // as for the KPIs: JIT would compile this plan for longer than it runs (SET LOCAL ends with the transaction)
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<GridCellRow>(sql`
    SELECT c.id, c.code, c.name, c.township_id, u.id AS worker_id, u.display_name AS worker_name,
           s.last_patrol_at, s.days_since_patrol, s.unpatrolled,
           coalesce(vs.venues, 0)::int AS venues, coalesce(vs.overdue, 0)::int AS overdue_venues,
           CASE WHEN coalesce(vs.venues, 0) = 0 THEN 0 ELSE vs.overdue::double precision / vs.venues END AS overdue_share,
           ST_AsGeoJSON(c.geom, 6) AS geometry
      FROM grid_cells c
      JOIN cell_patrol_status(${f.asOf}::timestamptz) s ON s.grid_cell_id = c.id
      LEFT JOIN (SELECT vps.grid_cell_id, count(*) AS venues, count(*) FILTER (WHERE vps.overdue) AS overdue
                   FROM venue_patrol_status(${f.asOf}::timestamptz) vps GROUP BY vps.grid_cell_id) vs
        ON vs.grid_cell_id = c.id
      LEFT JOIN users u ON u.id = c.worker_id
     WHERE ${townshipInScope(scope, 'c.township_id')}
       AND (${f.townshipId}::int IS NULL OR c.township_id = ${f.townshipId}::int)
     ORDER BY c.code`);
  });
}

export interface CellPatrolRow {
  id: number;
  external_id: string | null;
  patrolled_at: Date;
  venue_id: number;
  venue_external_id: string | null;
  venue_name: string;
  worker_id: number;
  worker_name: string;
  result: 'ok' | 'hazards_found' | 'venue_closed' | 'not_open';
}

/** The last `limit` patrols recorded in a cell at or before a moment, newest first. */
export async function recentPatrolsInCell(
  db: Queryable,
  scope: ReadScope,
  cellId: number,
  asOf: Date,
  limit: number,
): Promise<CellPatrolRow[]> {
  return db.query<CellPatrolRow>(sql`
    SELECT p.id, p.external_id, p.patrolled_at, v.id AS venue_id, v.external_id AS venue_external_id, v.name AS venue_name, u.id AS worker_id, u.display_name AS worker_name,
           p.result::text AS result
      FROM patrols p
      JOIN venues v ON v.id = p.venue_id
      JOIN users u ON u.id = p.worker_id
     WHERE p.grid_cell_id = ${cellId}::int AND p.patrolled_at <= ${asOf}::timestamptz AND ${venueInScope(scope)}
     ORDER BY p.patrolled_at DESC, p.id DESC
     LIMIT ${limit}::int`);
}

export interface OverdueVenueRow {
  id: number;
  external_id: string | null;
  name: string;
  risk_level: 'high' | 'medium' | 'low';
  last_patrol_at: Date | null;
  days_overdue: number;
}

/** A cell's overdue venues as of a moment, most overdue first. */
export async function overdueVenuesInCell(
  db: Queryable,
  scope: ReadScope,
  cellId: number,
  asOf: Date,
): Promise<OverdueVenueRow[]> {
  return db.query<OverdueVenueRow>(sql`
    SELECT v.id, v.external_id, v.name, s.risk_level::text AS risk_level, s.last_patrol_at,
           floor(extract(epoch FROM ${asOf}::timestamptz - coalesce(s.last_patrol_at, v.registered_at)) / 86400)::int
             - s.due_days AS days_overdue
      FROM venue_patrol_status(${asOf}::timestamptz) s
      JOIN venues v ON v.id = s.venue_id
     WHERE s.grid_cell_id = ${cellId}::int AND s.overdue AND ${venueInScope(scope)}
     ORDER BY days_overdue DESC, v.id`);
}
