// The industry departments as the writes see them: one upsert by code shared by POST/PATCH
// /api/departments and the departments' CSV import, and the rows by code with their account counts.
import type { Queryable } from '@svm/db';
import type { DepartmentDto, VenueCategory } from '@svm/contract';

export interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  categories: VenueCategory[];
  account_count: number;
}

export const departmentDto = (r: DepartmentRow): DepartmentDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  categories: r.categories,
  accountCount: r.account_count,
});

// venue_category[] is read as text[] so both drivers hand back a JS array
export const DEPARTMENT_COLUMNS = `d.id, d.code, d.name, d.name_en, d.categories::text[] AS categories,
  (SELECT count(*)::int FROM users u WHERE u.department_id = d.id AND u.active) AS account_count`;

/** The departments with the given codes (case-sensitive). */
export async function departmentsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, DepartmentRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<DepartmentRow>(
    `SELECT ${DEPARTMENT_COLUMNS} FROM industry_departments d WHERE d.code = ANY($1::text[])`,
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export interface DepartmentFields {
  code: string;
  name: string;
  nameEn: string;
  categories: readonly VenueCategory[];
}

/** Inserts or updates by code; returns the row's id and whether it was new. */
export async function upsertedDepartment(
  db: Queryable,
  d: DepartmentFields,
): Promise<{ id: number; inserted: boolean }> {
  const rows = await db.query<{ id: number; inserted: boolean }>(
    `INSERT INTO industry_departments AS d (code, name, name_en, categories)
     VALUES ($1, $2, $3, $4::text[]::venue_category[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, categories = EXCLUDED.categories
     RETURNING id, (xmax = 0) AS inserted`,
    [d.code, d.name, d.nameEn, [...d.categories]],
  );
  return rows[0]!;
}
