// Named queries over grid cells.
import type { Queryable } from '@svm/db';

export interface GridCellRow {
  id: number;
  code: string;
  name: string;
  township_id: number;
  worker_name: string | null;
  geometry: string;
}

/** Grid cells with their worker's name, optionally of one township only. */
export async function gridCellsWithWorkers(db: Queryable, townshipId: number | null): Promise<GridCellRow[]> {
  return db.query<GridCellRow>(
    `SELECT c.id, c.code, c.name, c.township_id, u.display_name AS worker_name,
            ST_AsGeoJSON(c.geom, 6) AS geometry
       FROM grid_cells c
       LEFT JOIN users u ON u.id = c.worker_id
      WHERE $1::int IS NULL OR c.township_id = $1::int
      ORDER BY c.code`,
    [townshipId],
  );
}
