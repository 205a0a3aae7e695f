// Named queries behind GET /api/health.
import type { Queryable } from '@svm/db';

/** Time of the most recent patrol, or null when none is recorded. */
export async function latestPatrolAt(db: Queryable): Promise<Date | null> {
  const rows = await db.query<{ latest: Date | null }>('SELECT max(patrolled_at) AS latest FROM patrols');
  return rows[0]?.latest ?? null;
}
