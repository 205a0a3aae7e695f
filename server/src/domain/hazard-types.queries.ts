// The hazard catalogue as the writes that use it see it: which codes may take a new hazard, and
// the one upsert shared by POST/PATCH /api/hazard-types and the catalogue's CSV import.
import type { Queryable } from '@svm/db';
import type { HazardSeverity, HazardTypeDto, VenueCategory } from '@svm/contract';

export interface HazardTypeRow {
  code: string;
  name: string;
  name_en: string;
  default_severity: HazardSeverity;
  categories: VenueCategory[];
  retired_at: Date | null;
  hazard_count: number;
}

export const hazardTypeDto = (r: HazardTypeRow): HazardTypeDto => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  defaultSeverity: r.default_severity,
  categories: r.categories,
  retired: r.retired_at !== null,
  retiredAt: r.retired_at?.toISOString() ?? null,
  hazardCount: r.hazard_count,
});

// venue_category[] is read as text[] so both drivers hand back a JS array
export const HAZARD_TYPE_COLUMNS = `t.code, t.name, t.name_en, t.default_severity::text AS default_severity,
  t.categories::text[] AS categories, t.retired_at,
  (SELECT count(*)::int FROM hazards h WHERE h.type_code = t.code) AS hazard_count`;

/** The types with the given codes (case-sensitive), with how many hazards have each. */
export async function hazardTypesByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, HazardTypeRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<HazardTypeRow>(
    `SELECT ${HAZARD_TYPE_COLUMNS} FROM hazard_types t WHERE t.code = ANY($1::text[])`,
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/**
 * Why a type may not take a new hazard (unknown or retired), or null when it may. The message
 * names the one code only: the catalogue has hundreds of types (GET /api/hazard-types lists them).
 */
export function refusalOfNewHazardType(
  code: string,
  type: Pick<HazardTypeRow, 'retired_at'> | undefined,
): string | null {
  if (!type) return `unknown hazard type "${code}"`;
  if (type.retired_at)
    return `hazard type "${code}" was retired on ${type.retired_at.toISOString()} and takes no new hazards`;
  return null;
}

/** Every code, sorted, for a message that names a few of them (through listOf). */
export async function hazardTypeCodes(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ code: string }>('SELECT code FROM hazard_types ORDER BY code COLLATE "C"');
  return rows.map((r) => r.code);
}

export interface HazardTypeFields {
  code: string;
  name: string;
  nameEn: string;
  defaultSeverity: HazardSeverity;
  categories: readonly VenueCategory[];
  retired: boolean;
}

/** Inserts or updates by code; a retired type keeps its first retirement time. Returns whether it was new. */
export async function upsertedHazardType(db: Queryable, t: HazardTypeFields): Promise<{ inserted: boolean }> {
  const rows = await db.query<{ inserted: boolean }>(
    `INSERT INTO hazard_types AS t (code, name, name_en, default_severity, categories, retired_at)
     VALUES ($1, $2, $3, $4::hazard_severity, $5::text[]::venue_category[], CASE WHEN $6::boolean THEN now() END)
     ON CONFLICT (code) DO UPDATE SET
       name = EXCLUDED.name, name_en = EXCLUDED.name_en, default_severity = EXCLUDED.default_severity,
       categories = EXCLUDED.categories,
       retired_at = CASE WHEN $6::boolean THEN coalesce(t.retired_at, now()) END
     RETURNING (xmax = 0) AS inserted`,
    [t.code, t.name, t.nameEn, t.defaultSeverity, [...t.categories], t.retired],
  );
  return rows[0]!;
}
