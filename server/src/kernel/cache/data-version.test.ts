// The data version (migration 0008) on a database of its own, where transactions really commit:
// one bump per committed writing transaction, none for a rolled-back one, and "uncacheable"
// (null) inside a transaction that has written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import { dataVersion } from './data-version.queries.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
});
afterAll(async () => drop());

const touchPolicy = 'UPDATE patrol_policy SET high_days = high_days WHERE id = 1';

describe('the data version', () => {
  it('goes up by exactly one per committed transaction that changed data, however many rows it changed', async () => {
    const before = await dataVersion(db);
    expect(before).not.toBeNull();
    await db.transaction(async (tx) => {
      await tx.query(touchPolicy);
      await tx.query(touchPolicy);
      await tx.query('UPDATE grading_rules SET points = points');
    });
    expect(await dataVersion(db)).toBe(before! + 1);
    await db.query(touchPolicy);
    expect(await dataVersion(db)).toBe(before! + 2);
  });

  it('does not move for a transaction that was rolled back, or for reads', async () => {
    const before = await dataVersion(db);
    await db
      .transaction(async (tx) => {
        await tx.query(touchPolicy);
        throw new Error('roll back');
      })
      .catch(() => {});
    await db.query('SELECT count(*) FROM venues');
    expect(await dataVersion(db)).toBe(before);
  });

  it('is null (do not cache) inside a transaction once it has written, and a number before', async () => {
    const seen = await db.transaction(async (tx) => {
      const clean = await dataVersion(tx);
      await tx.query(touchPolicy);
      return [clean, await dataVersion(tx)];
    });
    expect(typeof seen[0]).toBe('number');
    expect(seen[1]).toBeNull();
  });
});
