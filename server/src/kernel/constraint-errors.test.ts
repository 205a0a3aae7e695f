import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.ts';
import { twoTownships } from '../testing/fixture.ts';

// Real errors from the driver under test (PGlite or pg), not hand-made ones: the mapping
// relies on both drivers carrying `code` (SQLSTATE) and `constraint`.
describe('database constraint errors as problems', () => {
  it('maps a check violation raised by a trigger to 422 and a unique violation to 409, logging neither', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const logged: unknown[] = [];
      const log = (_m: string, err: unknown) => logged.push(err);
      const outside = await tx
        .transaction((sp) =>
          sp.query(
            `INSERT INTO venues (name, category, risk_level, registered_at, geom)
         VALUES ('sea', 'retail', 'low', now(), ST_SetSRID(ST_MakePoint(122.5, 30.5), 4326))`,
          ),
        )
        .catch((e: unknown) => e);
      const check = toProblem(outside, log);
      expect(check.status).toBe(422);
      expect(check.extra).toMatchObject({ constraint: 'venues_inside_township', sqlstate: '23514' });
      expect(check.detail).toContain('outside every township');
      const duplicate = await tx
        .transaction((sp) =>
          sp.query(
            `INSERT INTO townships (code, name, name_en, kind, geom) SELECT code, name, name_en, kind, geom FROM townships LIMIT 1`,
          ),
        )
        .catch((e: unknown) => e);
      const unique = toProblem(duplicate, log);
      expect(unique.status).toBe(409);
      expect(unique.extra).toMatchObject({ sqlstate: '23505' });
      expect(logged).toEqual([]);
      // anything else stays a logged 500
      expect(toProblem(new Error('boom'), log).status).toBe(500);
      expect(logged).toHaveLength(1);
    });
  });
});
