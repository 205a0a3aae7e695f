// Named queries of the hazard writes alone: a hazard's sign-offs, returned with it after each step.
import { sql, type Queryable } from '@svm/db';
import type { AcceptanceDto } from '@svm/contract';

export async function hazardAcceptances(db: Queryable, hazardId: number): Promise<AcceptanceDto[]> {
  const rows = await db.query<{
    id: number;
    external_id: string | null;
    party: AcceptanceDto['party'];
    passed: boolean;
    at: Date;
    actor_name: string;
    note: string;
  }>(sql`
    SELECT id, external_id, party, passed, at, actor_name, note FROM acceptances WHERE hazard_id = ${hazardId} ORDER BY at, id`);
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    party: r.party,
    passed: r.passed,
    at: r.at.toISOString(),
    actorName: r.actor_name,
    note: r.note,
  }));
}
