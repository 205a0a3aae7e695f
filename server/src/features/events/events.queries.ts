// Named queries behind the live events: audit rows after an id (or the latest ones) with the
// venue facts the ticker and jurisdiction filtering need, and a department's categories.
import { sql, type Queryable } from '@svm/db';

export interface AuditFactRow {
  id: number;
  at: Date;
  action: string;
  actor_name: string;
  venue_id: number | null;
  venue_name: string | null;
  category: string | null;
  township_id: number | null;
  hazard_type: string | null;
  hazard_type_name: string | null;
  hazard_type_name_en: string | null;
  to_status: string | null;
  party: string | null;
  passed: boolean | null;
  /** patrol.record: the hazards found, as recorded ({code, name, nameEn, rebound}) */
  patrol_hazards: unknown;
  inserted: number | null;
  updated: number | null;
}

// (an array parameter goes as one '{1,2}' literal: drizzle would expand a JS array into a list)
// entity_id is text (a grading rule's id is its code): cast it only for the entity it names,
// inside CASE so the cast never runs on another entity's id.
const FACTS = sql`
  SELECT a.id, a.at, a.action, a.actor_name,
         v.id AS venue_id, v.name AS venue_name, v.category::text AS category, v.township_id,
         h.type_code AS hazard_type, ht.name AS hazard_type_name, ht.name_en AS hazard_type_name_en,
         a.detail->>'to' AS to_status, a.detail->>'party' AS party, (a.detail->>'passed')::boolean AS passed,
         CASE WHEN a.action = 'patrol.record' THEN coalesce((
           SELECT jsonb_agg(jsonb_build_object('code', e->>'typeCode', 'name', coalesce(t.name, e->>'typeCode'),
                                               'nameEn', coalesce(t.name_en, e->>'typeCode'),
                                               'rebound', coalesce(e->'reboundOf', 'null'::jsonb) <> 'null'::jsonb) ORDER BY o)
             FROM jsonb_array_elements(a.detail->'patrol'->'hazards') WITH ORDINALITY AS x(e, o)
             LEFT JOIN hazard_types t ON t.code = e->>'typeCode'), '[]'::jsonb) END AS patrol_hazards,
         CASE WHEN a.action LIKE 'import.%' THEN (a.detail->>'inserted')::int END AS inserted,
         CASE WHEN a.action LIKE 'import.%' THEN (a.detail->>'updated')::int END AS updated
    FROM audit_log a
    LEFT JOIN patrols p ON p.id = CASE WHEN a.entity = 'patrol' THEN a.entity_id::bigint END
    LEFT JOIN hazards h ON h.id = CASE WHEN a.entity = 'hazard' THEN a.entity_id::bigint END
    LEFT JOIN hazard_types ht ON ht.code = h.type_code
    LEFT JOIN venues v ON v.id = coalesce(p.venue_id, h.venue_id, CASE WHEN a.entity = 'venue' THEN a.entity_id::int END)`;

/** Audit rows with id above `afterId` or among `missing` (ids skipped earlier), oldest first, at most `limit`. */
export async function auditFactsAfter(
  db: Queryable,
  afterId: number,
  missing: readonly number[],
  limit: number,
): Promise<AuditFactRow[]> {
  return db.query<AuditFactRow>(sql`${FACTS}
     WHERE a.id > ${afterId}::bigint OR a.id = ANY(${`{${missing.join(',')}}`}::bigint[])
     ORDER BY a.id
     LIMIT ${limit}::int`);
}

/** The newest audit rows below `beforeId` (null: the very newest), newest first, at most `limit`. */
export async function auditFactsBefore(db: Queryable, beforeId: number | null, limit: number): Promise<AuditFactRow[]> {
  return db.query<AuditFactRow>(sql`${FACTS}
     WHERE ${beforeId}::bigint IS NULL OR a.id < ${beforeId}::bigint
     ORDER BY a.id DESC
     LIMIT ${limit}::int`);
}

/** The newest audit id (0 when the log is empty): a new stream starts after it. */
export async function latestAuditId(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: number | null }>(sql`SELECT max(id) AS id FROM audit_log`);
  return rows[0]?.id ?? 0;
}

/** The venue categories an industry department oversees (empty for an unknown department). */
export async function departmentCategories(db: Queryable, departmentId: number): Promise<string[]> {
  const rows = await db.query<{ categories: string[] }>(sql`
    SELECT categories::text[] AS categories FROM industry_departments WHERE id = ${departmentId}::int`);
  return rows[0]?.categories ?? [];
}
