// The seeded city: a deterministic, realistic city from a seed and a size, written in one
// transaction with bulk (unnest) inserts so the 200,000-venue city loads in minutes.
import type { Queryable } from '../client.ts';
import type { RiskLevel } from '@svm/contract/constants';
import { planCity } from './city.ts';
import type { SeedOptions, SeedReport } from './options.ts';
import { CADENCE, DEPARTMENTS } from './departments.ts';
import { venueHistory, weeklyRounds, type Actor, type CellDuty, type HistoryRows, type Ids } from './history.ts';
import { insertGridCells, insertStreets, insertTownships } from './layout.ts';
import { personName } from './names.ts';
import { Random } from './random.ts';
import { DAY_MS, planCellSeeds, planVenues, type VenuePlan } from './venues.ts';
import { flushHistory, insertReferencePoints, insertUsers, insertVenues, type UserRow } from './write.ts';

export type { SeedOptions, SeedReport } from './options.ts';
export {
  cityRemains,
  demoContents,
  DemoRemovalRefused,
  removeDemoCity,
  type CityRemains,
  type DemoContents,
  type DemoRemovalOptions,
  type DemoRemovalReport,
} from './remove-demo.ts';

export async function seedCity(db: Queryable, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const log = options.onProgress ?? (() => {});
  const referenceDate = options.referenceDate.getTime();
  const historyStart = referenceDate - Math.round(options.years * 365) * DAY_MS;
  const rng = new Random(options.seed, 0);

  return db.transaction(async (tx) => {
    // the seed writes fixed ids from 1, so it needs a database without townships and accounts
    const [existing] = await tx.query<{ townships: number; users: number }>(
      'SELECT (SELECT count(*)::int FROM townships) AS townships, (SELECT count(*)::int FROM users) AS users',
    );
    if ((existing?.townships ?? 0) > 0) {
      throw new Error('the database already holds a city; seeding needs an empty database');
    }
    if ((existing?.users ?? 0) > 0) {
      throw new Error('the database already holds accounts; seeding needs an empty database');
    }

    const plan = planCity(options.seed);
    // The departments stay when the demo city is removed (they are the city's authorities, and
    // nothing else creates them), so a database seeded again may hold them already.
    await tx.query(
      `INSERT INTO industry_departments (id, code, name, name_en, categories)
       SELECT i, c, n, e, string_to_array(cats, ',')::venue_category[]
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(i, c, n, e, cats)
       ON CONFLICT (code) DO NOTHING`,
      [
        DEPARTMENTS.map((_, i) => i + 1),
        DEPARTMENTS.map((d) => d.code),
        DEPARTMENTS.map((d) => d.name),
        DEPARTMENTS.map((d) => d.nameEn),
        DEPARTMENTS.map((d) => d.categories.join(',')),
      ],
    );
    const departmentIds = await tx.query<{ id: number }>(
      `SELECT d.id FROM unnest($1::text[]) WITH ORDINALITY AS u(code, ord)
         JOIN industry_departments d ON d.code = u.code ORDER BY u.ord`,
      [DEPARTMENTS.map((d) => d.code)],
    );
    await insertTownships(tx, plan);
    const venues = planVenues(plan, options.seed, { count: options.venues, historyStart, referenceDate });
    await insertGridCells(
      tx,
      planCellSeeds(plan, venues, options.seed, Math.max(300, Math.round(options.venues * 0.015))),
    );
    const cells = await tx.query<{ id: number; code: string; township_id: number }>(
      'SELECT id, code, township_id FROM grid_cells ORDER BY id',
    );
    // deliberate coverage gaps: a few cells nobody drew, in different townships
    const gapIds = new Set<number>();
    for (const townshipIndex of [2, 7, 12, 17]) {
      const own = cells.filter((c) => c.township_id === townshipIndex + 1);
      if (own.length > 3) gapIds.add(own[1 + rng.int(0, own.length - 3)]!.id);
    }
    const coverageGaps = await tx.query<{ townshipCode: string; cellCode: string; areaM2: number }>(
      `DELETE FROM grid_cells c USING townships t WHERE t.id = c.township_id AND c.id = ANY ($1::int[])
       RETURNING t.code AS "townshipCode", c.code AS "cellCode", round(ST_Area(c.geom::geography))::float8 AS "areaM2"`,
      [[...gapIds]],
    );
    coverageGaps.sort((a, b) => a.cellCode.localeCompare(b.cellCode));
    await insertStreets(tx, plan);
    log(
      `layout: ${plan.townships.length} townships, ${cells.length - gapIds.size} grid cells, ${coverageGaps.length} coverage gaps`,
    );

    // people: one account per role, a leader per township, one per department, a worker per cell
    const users: UserRow[] = [
      { username: 'admin', displayName: '系统管理员', role: 'admin', townshipId: null, departmentId: null },
      { username: 'city', displayName: '市指挥中心', role: 'city', townshipId: null, departmentId: null },
      { username: 'planner', displayName: '规划分析员', role: 'planner', townshipId: null, departmentId: null },
      {
        username: 'special.fire',
        displayName: '消防救援支队（专项监管）',
        role: 'city',
        townshipId: null,
        departmentId: null,
      },
    ];
    const leaders = plan.townships.map((t) => {
      users.push({
        username: `leader.${t.code.toLowerCase()}`,
        displayName: `${t.name}负责人 ${personName(rng)}`,
        role: 'township',
        townshipId: t.index + 1,
        departmentId: null,
      });
      return users.length;
    });
    const deptUsers = DEPARTMENTS.map((d, i) => {
      users.push({
        username: `dept.${d.code}`,
        displayName: `${d.name} ${personName(rng)}`,
        role: 'department',
        townshipId: null,
        departmentId: departmentIds[i]!.id,
      });
      return users.length;
    });
    const duty = new Map<number, CellDuty>();
    const cellsWithoutWorker: string[] = [];
    const firstWorker = new Map<number, Actor>();
    for (const c of cells) {
      if (gapIds.has(c.id)) continue;
      if (rng.chance(0.02)) {
        cellsWithoutWorker.push(c.code);
        continue;
      }
      users.push({
        username: `worker.${c.code.toLowerCase()}`,
        displayName: personName(rng),
        role: 'grid_worker',
        townshipId: c.township_id,
        departmentId: null,
      });
      const worker: Actor = { id: users.length, name: users[users.length - 1]!.displayName };
      if (!firstWorker.has(c.township_id)) firstWorker.set(c.township_id, worker);
      const lazy = rng.chance(0.12);
      const neglected = rng.chance(0.04);
      duty.set(c.id, {
        cellId: c.id,
        worker,
        factor: lazy ? rng.uniform(1.2, 1.8) : rng.uniform(0.85, 1.05),
        stopAt: neglected ? referenceDate - rng.uniform(10, 45) * DAY_MS : Infinity,
      });
    }
    const assigned = [...duty.values()];
    // a cell without its own worker is covered now and then by the township's first worker
    for (const c of cells) {
      const sub = firstWorker.get(c.township_id);
      if (!gapIds.has(c.id) && !duty.has(c.id) && sub)
        duty.set(c.id, { cellId: c.id, worker: sub, factor: 2.5, stopAt: Infinity });
    }
    await insertUsers(tx, users, historyStart);
    await tx.query(
      `UPDATE grid_cells c SET worker_id = u.w FROM unnest($1::int[], $2::int[]) AS u(c, w) WHERE c.id = u.c`,
      [assigned.map((d) => d.cellId), assigned.map((d) => d.worker.id)],
    );
    log(`people: ${users.length} accounts, ${cellsWithoutWorker.length} cells without a worker`);

    await insertVenues(tx, venues);
    await tx.query(
      `UPDATE venues v SET risk_level = g.computed_level FROM venue_grades($1) g WHERE g.venue_id = v.id`,
      [new Date(historyStart)],
    );
    const located = await tx.query<{
      id: number;
      grid_cell_id: number | null;
      township_id: number;
      risk_level: RiskLevel;
    }>('SELECT id, grid_cell_id, township_id, risk_level FROM venues ORDER BY id');
    // misgrading: e-bike shops charging next to their stock graded low, and a few others one level down
    const misgraded: { id: number; level: RiskLevel }[] = [];
    const levels = new Map<number, RiskLevel>();
    for (const row of located) {
      const v = venues[row.id - 1]!;
      let level = row.risk_level;
      if (
        level !== 'low' &&
        ((v.category === 'ebike' && v.chargingNearStock && rng.chance(0.3)) || rng.chance(0.025))
      ) {
        level = level === 'high' && v.category !== 'ebike' ? 'medium' : 'low';
        misgraded.push({ id: row.id, level });
      }
      levels.set(row.id, level);
    }
    await tx.query(
      `UPDATE venues v SET risk_level = u.l::risk_level FROM unnest($1::int[], $2::text[]) AS u(id, l) WHERE v.id = u.id`,
      [misgraded.map((m) => m.id), misgraded.map((m) => m.level)],
    );
    log(`venues: ${venues.length} (${misgraded.length} misgraded)`);

    const special: Actor = { id: 4, name: users[3]!.displayName };
    const ids: Ids = { patrol: 1, hazard: 1 };
    const counters = { transition: 1, acceptance: 1, patrols: 0, hazards: 0, acceptances: 0 };
    const empty = (): HistoryRows => ({ patrols: [], hazards: [], transitions: [], acceptances: [] });
    let batch = empty();
    const misgradedIds = new Set(misgraded.map((m) => m.id));
    const noDuty: CellDuty = { cellId: 0, worker: { id: null, name: '' }, factor: 1, stopAt: 0 };
    const departmentOf = new Map(DEPARTMENTS.flatMap((d, i) => d.categories.map((c) => [c, i] as const)));
    // walk cell by cell so each cell's weekly rounds can fill the gaps its venues' visits leave
    const byCell = new Map<number, typeof located>();
    for (const row of located) {
      const key = row.grid_cell_id ?? 0;
      const rows = byCell.get(key);
      if (rows) rows.push(row);
      else byCell.set(key, [row]);
    }
    for (const [cellId, rows] of [...byCell.entries()].sort((a, b) => a[0] - b[0])) {
      const cellDuty = (cellId !== 0 && duty.get(cellId)) || noDuty;
      const firstPatrol = batch.patrols.length;
      for (const row of rows) {
        const venue: VenuePlan = venues[row.id - 1]!;
        const level = levels.get(row.id) ?? 'low';
        const dept = departmentOf.get(venue.category)!;
        const leader = leaders[row.township_id - 1]!;
        venueHistory(
          new Random(options.seed, 3, venue.id),
          {
            venue,
            level,
            misgraded: misgradedIds.has(row.id),
            duty: cellDuty,
            territorial: { id: leader, name: users[leader - 1]!.displayName },
            industry: {
              actor: { id: deptUsers[dept]!, name: users[deptUsers[dept]! - 1]!.displayName },
              slowness: DEPARTMENTS[dept]!.slowness,
            },
            special,
          },
          CADENCE[level],
          historyStart,
          referenceDate,
          ids,
          batch,
        );
      }
      const visits = batch.patrols.slice(firstPatrol).map((p) => p.at);
      weeklyRounds(
        new Random(options.seed, 5, cellId),
        cellDuty,
        rows.map((r) => venues[r.id - 1]!),
        visits,
        historyStart,
        referenceDate,
        ids,
        batch,
      );
      if (batch.patrols.length >= 40_000) {
        await flushHistory(tx, batch, counters);
        batch = empty();
        log(`history: ${counters.patrols} patrols, ${counters.hazards} hazards`);
      }
    }
    await flushHistory(tx, batch, counters);
    await tx.query(
      `UPDATE hazards h SET rebound_of = r.source
         FROM (SELECT id, rebound_source(venue_id, type_code, found_at, id) AS source FROM hazards) r
        WHERE r.id = h.id AND r.source IS NOT NULL`,
    );
    log(`history: ${counters.patrols} patrols, ${counters.hazards} hazards, ${counters.acceptances} acceptances`);

    const referencePoints = await insertReferencePoints(tx, plan, venues, options.seed, referenceDate);
    for (const table of [
      'townships',
      'industry_departments',
      'users',
      'grid_cells',
      'venues',
      'patrols',
      'hazards',
      'hazard_transitions',
      'acceptances',
      'reference_points',
      'streets',
    ]) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
      );
    }
    const [counts] = await tx.query<{ streets: number }>('SELECT count(*)::int AS streets FROM streets');
    const report: SeedReport = {
      seed: options.seed,
      referenceDate: options.referenceDate.toISOString(),
      townships: plan.townships.length,
      gridCells: cells.length - gapIds.size,
      coverageGaps,
      cellsWithoutWorker,
      streets: counts?.streets ?? 0,
      users: users.length,
      venues: venues.length,
      misgradedVenues: misgraded.length,
      patrols: counters.patrols,
      hazards: counters.hazards,
      acceptances: counters.acceptances,
      referencePoints,
      durationMs: Date.now() - started,
    };
    await tx.query(`INSERT INTO audit_log (actor_name, action, entity, detail) VALUES ('seed', 'seed', 'city', $1)`, [
      JSON.stringify(report),
    ]);
    return report;
  });
}
