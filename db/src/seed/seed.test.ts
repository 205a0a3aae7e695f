import { describe, expect, it } from 'vitest';
import type { Queryable } from '../client.ts';
import { rolledBack, SEEDED_TABLES, tableDigests } from '../testing.ts';
import { planCity } from './city.ts';
import { seedCity, type SeedReport } from './index.ts';

const options = { seed: 42, venues: 1500, years: 0.25, referenceDate: new Date('2026-06-30T00:00:00Z') };

const digests = (tx: Queryable) => tableDigests(tx, SEEDED_TABLES);

describe('the seeded city', () => {
  it('is identical for the same seed and different for another', async () => {
    const first = await rolledBack(async (tx) => ({ report: await seedCity(tx, options), digests: await digests(tx) }));
    const again = await rolledBack(async (tx) => ({ report: await seedCity(tx, options), digests: await digests(tx) }));
    const other = await rolledBack(async (tx) => digests((await seedCity(tx, { ...options, seed: 43 }), tx)));
    expect(again.digests).toEqual(first.digests);
    const { durationMs: _a, ...firstReport } = first.report;
    const { durationMs: _b, ...againReport } = again.report;
    expect(againReport).toEqual(firstReport);
    expect(other.venues).not.toEqual(first.digests.venues);
    expect(first.report.venues).toBe(1500);
  });

  it('tiles each township with cells, apart from the deliberate gaps it reports', () =>
    rolledBack(async (tx) => {
      const report: SeedReport = await seedCity(tx, options);
      expect(report.coverageGaps.length).toBeGreaterThanOrEqual(3);
      const gapArea = new Map<string, number>();
      for (const g of report.coverageGaps) gapArea.set(g.townshipCode, (gapArea.get(g.townshipCode) ?? 0) + g.areaM2);

      // Areas are compared in planar degrees², where a union is exact; the gaps, reported in m², are
      // converted with their township's own m² per degree² ratio.
      const rows = await tx.query<{ code: string; township: number; m2_per_unit: number; union: number; sum: number }>(`
        SELECT t.code, ST_Area(t.geom) AS township, ST_Area(t.geom::geography) / ST_Area(t.geom) AS m2_per_unit,
               ST_Area(ST_Union(c.geom)) AS union, sum(ST_Area(c.geom)) AS sum
          FROM townships t JOIN grid_cells c ON c.township_id = t.id
         GROUP BY t.id ORDER BY t.code`);
      expect(rows).toHaveLength(20);
      const [smallest] = await tx.query<{ share: number }>(`
        SELECT min(ST_Area(c.geom) / ST_Area(t.geom)) AS share FROM grid_cells c JOIN townships t ON t.id = c.township_id`);
      // the smallest cell is twenty times the tolerance below, so a missing or extra cell fails
      expect(smallest!.share).toBeGreaterThan(1e-3);
      for (const r of rows) {
        const expected = r.township - (gapArea.get(r.code) ?? 0) / r.m2_per_unit;
        // snap-rounding to 1e-7° moves areas by about 1e-6 and the m² conversion of a gap by up to
        // 3e-5 of its township
        expect(Math.abs(r.union - expected) / r.township, `${r.code} covered area`).toBeLessThan(5e-5);
        // the cells' areas add up to their union's: no two cells overlap (beyond a square metre)
        expect((r.sum - r.union) * r.m2_per_unit, `${r.code} overlap m2`).toBeLessThan(1);
      }
      // every cell lies in its own township (snap-rounding lets an edge stray by under a centimetre)
      const [outside] = await tx.query<{ n: number }>(`
        SELECT count(*)::int AS n FROM grid_cells c JOIN townships t ON t.id = c.township_id
         WHERE ST_Area(ST_Difference(c.geom, t.geom)) > 1e-4 * ST_Area(c.geom)`);
      expect(outside!.n).toBe(0);
      // the gaps hold venues no cell covers: the coverage blind spot is real
      const [uncovered] = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM venues WHERE grid_cell_id IS NULL',
      );
      expect(uncovered!.n).toBeGreaterThan(0);
    }));

  it('tells its story: misgraded venues, overdue hazards, rebounds, a slow acceptance party', () =>
    rolledBack(async (tx) => {
      await seedCity(tx, { ...options, venues: 3000, years: 0.5 });
      const [facts] = await tx.query<{
        townships: number;
        zones: number;
        found_unregistered: number;
        lowered: number;
        rebounds: number;
        overdue: number;
        no_worker: number;
      }>(`
        SELECT (SELECT count(*)::int FROM townships) AS townships,
               (SELECT count(*)::int FROM townships WHERE kind = 'development_zone') AS zones,
               (SELECT count(*)::int FROM venues WHERE registration = 'found_unregistered') AS found_unregistered,
               (SELECT count(*)::int FROM venues v JOIN venue_grades('2026-06-30') g ON g.venue_id = v.id
                 WHERE v.risk_level > g.computed_level) AS lowered,
               (SELECT count(*)::int FROM hazards WHERE rebound_of IS NOT NULL) AS rebounds,
               (SELECT count(*)::int FROM hazards WHERE status <> 'closed' AND deadline < '2026-06-30') AS overdue,
               (SELECT count(*)::int FROM grid_cells WHERE worker_id IS NULL) AS no_worker`);
      // enum order is high < medium < low, so "risk_level > computed" means graded lower than computed
      expect(facts).toMatchObject({ townships: 20, zones: 2 });
      expect(facts!.found_unregistered).toBeGreaterThan(0);
      expect(facts!.lowered).toBeGreaterThan(0);
      expect(facts!.rebounds).toBeGreaterThan(0);
      expect(facts!.overdue).toBeGreaterThan(0);
      const slowest = await tx.query<{ code: string }>(`
        SELECT d.code FROM acceptances a JOIN users u ON u.id = a.actor_id JOIN industry_departments d ON d.id = u.department_id
          JOIN hazards h ON h.id = a.hazard_id
         WHERE a.party = 'industry' AND a.passed
         GROUP BY d.code ORDER BY avg(a.at - h.rectified_at) DESC LIMIT 1`);
      expect(slowest[0]?.code).toBe('economy');
    }));

  it('places the city in eastern China with the port and high-tech zones', () => {
    const plan = planCity(7);
    expect(plan.townships.map((t) => t.name)).toEqual(expect.arrayContaining(['临港开发区', '高新技术产业开发区']));
    expect(new Set(plan.townships.map((t) => t.name)).size).toBe(plan.townships.length);
  });
});
