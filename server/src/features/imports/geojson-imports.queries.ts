// Named queries of the GeoJSON imports: validity of geometries (ST_IsValidReason) and upserts
// keyed by code (townships, grid cells) or (source, external_id) (reference points).
// ST_Force2D: a file may carry a third ordinate (height); the columns are 2D.
import type { Queryable } from '@svm/db';
import { relocatedHazardsOf } from '../../domain/venues.queries.ts';
import type { Upserted } from '../../kernel/import/row-writer.ts';

/** For each geometry (GeoJSON text), null when valid or the reason it is not (self-intersection ...). */
export async function invalidityReasons(db: Queryable, geometries: string[]): Promise<(string | null)[]> {
  const rows = await db.query<{ i: number; reason: string | null }>(
    `SELECT g.i::int AS i, CASE WHEN ST_IsValid(geom) THEN NULL ELSE ST_IsValidReason(geom) END AS reason
       FROM unnest($1::text[]) WITH ORDINALITY AS g(json, i)
       CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(g.json)), 4326) AS geom) x
      ORDER BY g.i`,
    [geometries],
  );
  return rows.map((r) => r.reason);
}

export async function upsertedTownship(
  tx: Queryable,
  t: { code: string; name: string; nameEn: string; kind: string; geometry: string },
): Promise<Upserted> {
  const rows = await tx.query<Upserted>(
    `INSERT INTO townships (code, name, name_en, kind, geom)
     VALUES ($1, $2, $3, $4::township_kind, ST_Multi(ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($5)), 4326)))
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind, geom = EXCLUDED.geom
     RETURNING id, (xmax = 0) AS inserted`,
    [t.code, t.name, t.nameEn, t.kind, t.geometry],
  );
  return rows[0]!;
}

export async function townshipIdsByCode(db: Queryable, codes: string[]) {
  const rows = await db.query<{ code: string; id: number }>(
    'SELECT code, id FROM townships WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function upsertedGridCell(
  tx: Queryable,
  c: { code: string; name: string; townshipId: number; workerId: number | null; geometry: string },
): Promise<Upserted> {
  const rows = await tx.query<Upserted>(
    `INSERT INTO grid_cells (code, name, township_id, worker_id, geom)
     VALUES ($1, $2, $3, $4, ST_Multi(ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($5)), 4326)))
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, township_id = EXCLUDED.township_id,
       worker_id = EXCLUDED.worker_id, geom = EXCLUDED.geom
     RETURNING id, (xmax = 0) AS inserted`,
    [c.code, c.name, c.townshipId, c.workerId, c.geometry],
  );
  return rows[0]!;
}

/** A cell's area outside its township (m², in the city's metric projection) and that area as a share of the cell. */
export interface CellOverhang {
  outsideM2: number;
  share: number;
}

/**
 * For each cell (GeoJSON text and its township's id), how much of it lies outside the township,
 * by the same functions the grid_cells_inside_township trigger (0016) refuses with.
 */
export async function cellOverhangs(
  db: Queryable,
  cells: { geometry: string; townshipId: number }[],
): Promise<CellOverhang[]> {
  const rows = await db.query<{ i: number; outside_m2: number; area_m2: number }>(
    `SELECT g.i::int AS i,
            CASE WHEN ST_Covers(t.geom, x.geom) THEN 0 ELSE grid_cell_outside_m2(x.geom, t.geom) END AS outside_m2,
            grid_cell_area_m2(x.geom) AS area_m2
       FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS g(json, township_id, i)
       JOIN townships t ON t.id = g.township_id
      CROSS JOIN LATERAL (SELECT ST_Multi(ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(g.json)), 4326)) AS geom) x
      ORDER BY g.i`,
    [cells.map((c) => c.geometry), cells.map((c) => c.townshipId)],
  );
  const out: CellOverhang[] = cells.map(() => ({ outsideM2: 0, share: 0 }));
  for (const r of rows)
    out[r.i - 1] = {
      outsideM2: Number(r.outside_m2),
      share: Number(r.area_m2) > 0 ? Number(r.outside_m2) / Number(r.area_m2) : 0,
    };
  return out;
}

/** The tolerance of 0016's trigger: outside at most 1 % of the cell and at most 500 m². */
export const CELL_OVERHANG_MAX = { share: 0.01, m2: 500 } as const;

export async function upsertedReferencePoint(
  tx: Queryable,
  p: { source: string; externalId: string; name: string; category: string; geometry: string },
): Promise<Upserted> {
  const rows = await tx.query<Upserted>(
    `INSERT INTO reference_points (source, external_id, name, category, geom)
     VALUES ($1, $2, $3, $4, ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($5)), 4326))
     ON CONFLICT (source, external_id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,
       geom = EXCLUDED.geom, imported_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [p.source, p.externalId, p.name, p.category, p.geometry],
  );
  return rows[0]!;
}

/**
 * Re-derives township and cell of the venues an imported layer can affect: those inside the
 * imported shapes and those that were in them (touching grid_cell_id fires venues_locate()).
 */
export async function relocatedVenues(
  tx: Queryable,
  layer: 'townships' | 'grid_cells',
  ids: number[],
): Promise<number> {
  const column = layer === 'townships' ? 'township_id' : 'grid_cell_id';
  const rows = await tx.query<{ id: number }>(
    `UPDATE venues v SET grid_cell_id = v.grid_cell_id
      WHERE v.${column} = ANY($1::int[])
         -- a join, so the planner probes venues' GiST index with each imported shape
         OR v.id IN (SELECT w.id FROM ${layer} l JOIN venues w ON ST_Covers(l.geom, w.geom) WHERE l.id = ANY($1::int[]))
     RETURNING v.id`,
    [ids],
  );
  await relocatedHazardsOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.length;
}
