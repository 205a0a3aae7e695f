import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { DATABASE_ENUMS } from '@svm/contract/constants';
import { databaseInfo, listMigrations, migrate } from './migrate.ts';
import { allTables } from './schema.ts';
import { freshDatabase, testDb } from './testing.ts';

describe('migrations', () => {
  it('apply from an empty database, then a second run applies nothing', async () => {
    const { db, drop } = await freshDatabase();
    try {
      const first = await migrate(db);
      expect(first).toEqual(listMigrations().map((m) => m.name));
      expect(await migrate(db)).toEqual([]);
      const info = await databaseInfo(db);
      expect(info.postgis).toMatch(/^3\.\d+/);
      const policy = await db.query<{ high_days: number; medium_days: number; low_days: number }>(
        'SELECT high_days, medium_days, low_days FROM patrol_policy',
      );
      expect(policy).toEqual([{ high_days: 7, medium_days: 14, low_days: 30 }]);
    } finally {
      await drop();
    }
  });
});

describe('schema', () => {
  it('has a GiST index on every geometry column', async () => {
    const db = await testDb();
    const rows = await db.query<{ table_name: string; column_name: string; gist: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name,
             EXISTS (
               SELECT 1 FROM pg_index i
                 JOIN pg_class ic ON ic.oid = i.indexrelid
                 JOIN pg_am am ON am.oid = ic.relam
                WHERE i.indrelid = c.oid AND am.amname = 'gist' AND a.attnum = ANY (i.indkey)
             ) AS gist
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT a.attisdropped
         AND a.atttypid = 'geometry'::regtype
       ORDER BY 1, 2`);
    expect(rows.map((r) => r.table_name).sort()).toEqual([
      'grid_cells',
      'reference_points',
      'streets',
      'townships',
      'venues',
    ]);
    expect(rows.filter((r) => !r.gist)).toEqual([]);
  });

  it('matches the drizzle description column for column', async () => {
    const db = await testDb();
    for (const table of Object.values(allTables)) {
      const config = getTableConfig(table);
      const columns = await db.query<{ column_name: string; is_nullable: string }>(
        `SELECT column_name, is_nullable FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [config.name],
      );
      const described = config.columns
        .map((c) => ({ column_name: c.name, is_nullable: c.notNull ? 'NO' : 'YES' }))
        .sort((a, b) => a.column_name.localeCompare(b.column_name));
      expect(columns, `table ${config.name}`).toEqual(described);
    }
  });

  it('has exactly the enum types and values of the contract lists, in their order', async () => {
    const db = await testDb();
    const rows = await db.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t
        JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public'
       GROUP BY t.typname
       ORDER BY t.typname`);
    const expected = Object.entries(DATABASE_ENUMS)
      .map(([name, labels]) => ({ name, labels: [...labels] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(rows).toEqual(expected);
  });
});
