// The smallest city for tests on a committing database (caches, the data version): one township,
// one grid cell with its worker, one low-risk venue (30-day cadence) registered 1 Jan 2026 and
// never patrolled, so as of 30 June it is overdue and its cell unpatrolled.
import type { Queryable } from '@svm/db';

const SQUARE = 'POLYGON((121 30,121.1 30,121.1 30.1,121 30.1,121 30))';

export interface OneCellCity {
  townshipId: number;
  workerId: number;
  cellId: number;
  venueId: number;
}

/** Writes the city; `code` (one letter) keeps its names apart from other fixtures. */
export async function oneCellCity(db: Queryable, code: string): Promise<OneCellCity> {
  const lower = code.toLowerCase();
  const [t] = await db.query<{ id: number }>(
    `INSERT INTO townships (code, name, name_en, kind, geom)
    VALUES ($1, '甲街道', $1, 'subdistrict', ST_Multi(ST_GeomFromText($2, 4326))) RETURNING id`,
    [code, SQUARE],
  );
  const [w] = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, township_id)
    VALUES ($1, '网格员', 'grid_worker', $2) RETURNING id`,
    [`worker.${lower}`, t!.id],
  );
  const [c] = await db.query<{ id: number }>(
    `INSERT INTO grid_cells (code, township_id, name, worker_id, geom)
    VALUES ($1, $2, $1, $3, ST_Multi(ST_GeomFromText($4, 4326))) RETURNING id`,
    [`${code}1`, t!.id, w!.id, SQUARE],
  );
  const [v] = await db.query<{ id: number }>(
    `INSERT INTO venues (name, category, risk_level, registered_at, geom)
    VALUES ($1, 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint(121.05, 30.05), 4326)) RETURNING id`,
    [lower],
  );
  return { townshipId: t!.id, workerId: w!.id, cellId: c!.id, venueId: v!.id };
}
