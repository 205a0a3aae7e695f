// Named queries of the hazard catalogue's own routes: the filtered list, one type locked for a
// change, a rename of its code and a delete.
import type { Queryable } from '@svm/db';
import { HAZARD_TYPE_COLUMNS, type HazardTypeRow } from '../../domain/hazard-types.queries.ts';

/** Every type, ordered by code; `q` matches part of the code or either name, case-insensitively. */
export async function hazardTypeList(
  db: Queryable,
  f: { q?: string | undefined; retired?: boolean | undefined },
): Promise<HazardTypeRow[]> {
  // the pattern escapes LIKE's own wildcards so a code such as A_1 matches itself only
  const pattern = f.q === undefined ? null : `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db.query<HazardTypeRow>(
    `SELECT ${HAZARD_TYPE_COLUMNS} FROM hazard_types t
      WHERE ($1::text IS NULL OR t.code ILIKE $1 OR t.name ILIKE $1 OR t.name_en ILIKE $1)
        AND ($2::boolean IS NULL OR (t.retired_at IS NOT NULL) = $2)
      ORDER BY t.code COLLATE "C"`,
    [pattern, f.retired ?? null],
  );
}

/** One type with its hazard count, locked for the rest of the transaction; undefined when unknown. */
export async function lockedHazardType(db: Queryable, code: string): Promise<HazardTypeRow | undefined> {
  const rows = await db.query<HazardTypeRow>(
    `SELECT ${HAZARD_TYPE_COLUMNS} FROM hazard_types t WHERE t.code = $1 FOR UPDATE`,
    [code],
  );
  return rows[0];
}

/** Gives an unused type a new code (the hazards' foreign key refuses it for a used one). */
export async function recodedHazardType(db: Queryable, from: string, to: string): Promise<void> {
  await db.query('UPDATE hazard_types SET code = $2 WHERE code = $1', [from, to]);
}

export async function deletedHazardType(db: Queryable, code: string): Promise<void> {
  await db.query('DELETE FROM hazard_types WHERE code = $1', [code]);
}
