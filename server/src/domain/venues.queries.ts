// Venue writes more than one feature makes: locking a venue's dates (venue writes, patrols) and
// re-locating the hazards of moved venues (venue writes, the venue and GeoJSON imports).
import { sql, type Queryable } from '@svm/db';

export interface VenueDates {
  id: number;
  status: 'active' | 'closed';
  registered_at: Date;
  closed_at: Date | null;
}

/** The venue's lifecycle dates, locked for the rest of the transaction; null when missing. */
export async function lockedVenueDates(tx: Queryable, id: number): Promise<VenueDates | null> {
  const rows = await tx.query<VenueDates>(
    sql`SELECT id, status, registered_at, closed_at FROM venues WHERE id = ${id} FOR UPDATE`,
  );
  return rows[0] ?? null;
}

/** Re-derives the township kept on the hazards of moved venues (touching venue_id fires hazards_locate()). */
export async function relocatedHazardsOf(tx: Queryable, venueIds: number[]): Promise<void> {
  if (venueIds.length === 0) return;
  await tx.query('UPDATE hazards SET venue_id = venue_id WHERE venue_id = ANY($1::int[])', [venueIds]);
}
