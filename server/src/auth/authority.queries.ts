// Where a write lands, in the terms write authority is decided by: township, grid cell and
// its worker, and the venue's category (for the industry authority).
import { sql, type Queryable } from '@svm/db';
import type { VenueCategory } from '@svm/contract';

export interface Jurisdiction {
  township_id: number | null;
  grid_cell_id: number | null;
  /** the grid worker of that cell (null: no cell, or a cell without a worker) */
  worker_id: number | null;
}

/** The township and cell a point falls in, chosen as venues_locate() chooses them (lowest id on a shared edge). */
export async function jurisdictionOfPoint(db: Queryable, [lon, lat]: [number, number]): Promise<Jurisdiction> {
  const rows = await db.query<Jurisdiction>(sql`
    WITH p AS (SELECT ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326) AS geom)
    SELECT (SELECT t.id FROM townships t, p WHERE ST_Covers(t.geom, p.geom) ORDER BY t.id LIMIT 1) AS township_id,
           c.id AS grid_cell_id, c.worker_id
      FROM p LEFT JOIN LATERAL (
        SELECT c.id, c.worker_id FROM grid_cells c WHERE ST_Covers(c.geom, p.geom) ORDER BY c.id LIMIT 1
      ) c ON true`);
  return rows[0] ?? { township_id: null, grid_cell_id: null, worker_id: null };
}

export interface VenueJurisdiction extends Jurisdiction {
  category: VenueCategory;
}

/** A venue's township, cell, cell worker and category now; null when it does not exist. */
export async function jurisdictionOfVenue(db: Queryable, venueId: number): Promise<VenueJurisdiction | null> {
  const rows = await db.query<VenueJurisdiction>(sql`
    SELECT v.township_id, v.grid_cell_id, c.worker_id, v.category::text AS category
      FROM venues v LEFT JOIN grid_cells c ON c.id = v.grid_cell_id
     WHERE v.id = ${venueId}`);
  return rows[0] ?? null;
}

/** A hazard's township (as recorded on the hazard) with its venue's cell worker and category. */
export async function jurisdictionOfHazard(db: Queryable, hazardId: number): Promise<VenueJurisdiction | null> {
  const rows = await db.query<VenueJurisdiction>(sql`
    SELECT h.township_id, v.grid_cell_id, c.worker_id, v.category::text AS category
      FROM hazards h JOIN venues v ON v.id = h.venue_id LEFT JOIN grid_cells c ON c.id = v.grid_cell_id
     WHERE h.id = ${hazardId}`);
  return rows[0] ?? null;
}
