// The audit trail: every write records who did what to which entity, inside the write's own
// transaction, so a rolled-back write leaves no audit row and a committed one always has one.
import type { Queryable } from '@svm/db';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one audit_log row; `tx` must be the write's transaction. The actor is a signed-in
 * account, or (id null) a command-line tool run on the server's machine, named for what it is.
 */
export async function audit(
  tx: Queryable,
  actor: Pick<Actor, 'name'> & { id: Actor['id'] | null },
  entry: AuditEntry,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      actor.id,
      actor.name,
      entry.action,
      entry.entity,
      entry.entityId === null ? null : String(entry.entityId),
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
