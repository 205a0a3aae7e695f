// The embedded database has one connection: while a long piece of work (an import job) holds it in
// a transaction, every other statement waits for that transaction to end. What can still be
// answered without the database (a job's progress, a caller resolved moments ago) asks here
// whether the connection is held, rather than queueing behind the job.
const held = new WeakMap<object, number>();

/** Runs `fn` while `db`'s one connection counts as held (nested holds count up). */
export async function holdingConnection<T>(db: object, fn: () => Promise<T>): Promise<T> {
  held.set(db, (held.get(db) ?? 0) + 1);
  try {
    return await fn();
  } finally {
    const n = (held.get(db) ?? 1) - 1;
    if (n > 0) held.set(db, n);
    else held.delete(db);
  }
}

/** Whether a long piece of work holds `db`'s one connection now. */
export function connectionHeld(db: object): boolean {
  return held.has(db);
}
