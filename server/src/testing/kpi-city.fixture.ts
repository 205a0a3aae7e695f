// A small city built for the KPI, ledger, venue and export tests: two townships, three cells,
// six venues with known patrols, eight hazards with known lifecycles and sign-offs, two rebounds.
// Every expected figure is worked out by hand in kpis.test.ts from the story told here.
//
//   T1 甲街道 (121.0-121.1)                      T2 乙镇 (121.1-121.2)
//   c1 (worker 网格员一)  | c2 (nobody)           c3 (worker 网格员二)
//   va high retail       | vc medium retail,     ve low retail (last patrol 1 May)
//   vb low ebike, indoor |   found unregistered, vf low catering, occupancy 60
//     charging + stock   |   never patrolled
//                        | vd closed 1 May
import type { Queryable } from '@svm/db';

/** The moment the KPI tests ask about; the default period is the 90 days before it. */
export const AS_OF = '2026-06-30T12:00:00Z';
export const PERIOD = 'from=2026-06-01&to=2026-06-30T12:00:00Z';

async function one(tx: Queryable, text: string, params: unknown[]): Promise<number> {
  const rows = await tx.query<{ id: number }>(`${text} RETURNING id`, params);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`fixture insert returned no id: ${text}`);
  return id;
}

const box = (x0: number, x1: number) => `POLYGON((${x0} 30,${x1} 30,${x1} 30.1,${x0} 30.1,${x0} 30))`;

interface VenueInit {
  category?: string;
  level: string;
  unregistered?: boolean;
  closed?: string;
  address?: string;
  occupancy?: number;
  ebike?: boolean;
}

interface HazardInit {
  type: string;
  found: string;
  deadline?: string;
  rectified?: string;
  closed?: string;
  onSpot?: boolean;
  reboundOf?: number;
  status: string;
}

export async function kpiCity(tx: Queryable) {
  const township = (code: string, name: string, x0: number, x1: number) =>
    one(
      tx,
      `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ($1, $2, $1, 'town', ST_Multi(ST_GeomFromText($3, 4326)))`,
      [code, name, box(x0, x1)],
    );
  const t1 = await township('K1', '甲街道', 121.0, 121.1);
  const t2 = await township('K2', '乙镇', 121.1, 121.2);
  const user = (username: string, name: string, townshipId: number) =>
    one(tx, `INSERT INTO users (username, display_name, role, township_id) VALUES ($1, $2, 'grid_worker', $3)`, [
      username,
      name,
      townshipId,
    ]);
  const w1 = await user('k_worker1', '网格员一', t1);
  const w2 = await user('k_worker2', '网格员二', t2);
  const cell = (code: string, townshipId: number, worker: number | null, x0: number, x1: number) =>
    one(
      tx,
      `INSERT INTO grid_cells (code, name, township_id, worker_id, geom) VALUES ($1, $1, $2, $3, ST_Multi(ST_GeomFromText($4, 4326)))`,
      [code, townshipId, worker, box(x0, x1)],
    );
  const c1 = await cell('K1-1', t1, w1, 121.0, 121.05);
  const c2 = await cell('K1-2', t1, null, 121.05, 121.1);
  const c3 = await cell('K2-1', t2, w2, 121.1, 121.2);
  const venue = (name: string, lon: number, v: VenueInit) =>
    one(
      tx,
      `INSERT INTO venues (name, address, category, risk_level, registration, status, registered_at, closed_at, occupancy,
                         indoor_ebike_charging, charging_near_stock, geom)
     VALUES ($1, $2, $3, $4, $5, $6, '2026-01-01T00:00:00Z', $7, $8, $9, $9, ST_SetSRID(ST_MakePoint($10, 30.05), 4326))`,
      [
        name,
        v.address ?? '',
        v.category ?? 'retail',
        v.level,
        v.unregistered ? 'found_unregistered' : 'registered',
        v.closed ? 'closed' : 'active',
        v.closed ?? null,
        v.occupancy ?? 0,
        v.ebike ?? false,
        lon,
      ],
    );
  const va = await venue('甲便利店', 121.01, { level: 'high', address: '甲路1号' });
  const vb = await venue('飞驰电动车行', 121.02, { level: 'low', category: 'ebike', ebike: true, address: '甲路2号' });
  const vc = await venue('无证小卖部', 121.06, { level: 'medium', unregistered: true, address: '甲路9号' });
  const vd = await venue('已关停五金店', 121.07, { level: 'low', closed: '2026-05-01T00:00:00Z' });
  const ve = await venue('乙杂货铺', 121.12, { level: 'low', address: '=HYPERLINK("x")' });
  const vf = await venue('老王"小炒", 分店', 121.15, {
    level: 'low',
    category: 'catering',
    occupancy: 60,
    address: '乙路3号\n二楼',
  });
  const patrol = (venueId: number, worker: number, at: string, result = 'ok') =>
    one(tx, `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, $3, $4)`, [
      venueId,
      worker,
      at,
      result,
    ]);
  await patrol(va, w1, '2026-06-18T00:00:00Z');
  await patrol(va, w1, '2026-06-28T00:00:00Z');
  await patrol(vb, w1, '2026-06-20T00:00:00Z', 'hazards_found');
  await patrol(ve, w2, '2026-05-01T00:00:00Z');
  await patrol(vf, w2, '2026-06-25T00:00:00Z');

  const hazard = (venueId: number, h: HazardInit) =>
    one(
      tx,
      `INSERT INTO hazards (venue_id, type_code, severity, status, found_at, fixed_on_spot, responsible_person, responsible_phone,
                          deadline, rectified_at, closed_at, rebound_of)
     VALUES ($1, $2, 'major', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        venueId,
        h.type,
        h.status,
        h.found,
        h.onSpot ?? false,
        h.deadline || h.onSpot ? '店主' : null,
        h.deadline ? '13800000000' : null,
        h.deadline ?? null,
        h.rectified ?? null,
        h.closed ?? null,
        h.reboundOf ?? null,
      ],
    );
  const move = (hazardId: number, from: string | null, to: string, at: string) =>
    tx.query(
      `INSERT INTO hazard_transitions (hazard_id, from_status, to_status, at, actor_name) VALUES ($1, $2, $3, $4, '测试')`,
      [hazardId, from, to, at],
    );
  const sign = (hazardId: number, party: string, passed: boolean, at: string) =>
    tx.query(`INSERT INTO acceptances (hazard_id, party, passed, at, actor_name) VALUES ($1, $2, $3, $4, '验收人')`, [
      hazardId,
      party,
      passed,
      at,
    ]);
  const d = (day: string) => `2026-${day}T00:00:00Z`;

  // h1 at va: found 2 Jun, rectified 5 Jun, signed off after 1, 3 and 4 days, closed 9 Jun
  const h1 = await hazard(va, {
    type: 'blocked_exit',
    status: 'closed',
    found: d('06-02'),
    deadline: d('06-10'),
    rectified: d('06-05'),
    closed: '2026-06-09T01:00:00Z',
  });
  await move(h1, null, 'open', d('06-02'));
  await move(h1, 'open', 'rectifying', d('06-02'));
  await move(h1, 'rectifying', 'rectified', d('06-05'));
  await sign(h1, 'territorial', true, d('06-06'));
  await sign(h1, 'industry', true, d('06-08'));
  await sign(h1, 'special', true, d('06-09'));
  await move(h1, 'rectified', 'closed', '2026-06-09T01:00:00Z');
  // h2 at vb: rectified 15 Jun, territorial passed 16 Jun, industry failed 17 Jun, rectified again 20 Jun;
  // deadline 20 Jun has passed: overdue, waiting for industry and special
  const h2 = await hazard(vb, {
    type: 'indoor_ebike_charging',
    status: 'rectified',
    found: d('06-10'),
    deadline: d('06-20'),
    rectified: d('06-20'),
  });
  await move(h2, null, 'open', d('06-10'));
  await move(h2, 'open', 'rectifying', d('06-10'));
  await move(h2, 'rectifying', 'rectified', d('06-15'));
  await sign(h2, 'territorial', true, d('06-16'));
  await sign(h2, 'industry', false, d('06-17'));
  await move(h2, 'rectified', 'rectifying', d('06-17'));
  await move(h2, 'rectifying', 'rectified', d('06-20'));
  // h3 at va: the same type found 20 Jun, 11 days after h1 closed: a rebound, still open, no deadline
  const h3 = await hazard(va, { type: 'blocked_exit', status: 'open', found: d('06-20'), reboundOf: h1 });
  await move(h3, null, 'open', d('06-20'));
  // h4 at vc: found 1 Apr (before the period), deadline 15 Apr, still rectifying: overdue
  const h4 = await hazard(vc, {
    type: 'no_extinguisher',
    status: 'rectifying',
    found: d('04-01'),
    deadline: d('04-15'),
  });
  await move(h4, null, 'open', d('04-01'));
  await move(h4, 'open', 'rectifying', d('04-01'));
  // h5 at vc: fixed on the spot 5 Jun, signed off by the worker alone
  const h5 = await hazard(vc, {
    type: 'unsafe_wiring',
    status: 'closed',
    found: d('06-05'),
    onSpot: true,
    rectified: d('06-05'),
    closed: d('06-05'),
  });
  await move(h5, null, 'closed', d('06-05'));
  await sign(h5, 'on_the_spot', true, d('06-05'));
  // h6 at ve: closed 20 Mar, before the period
  const h6 = await hazard(ve, {
    type: 'gas_safety',
    status: 'closed',
    found: d('03-01'),
    deadline: d('03-10'),
    rectified: d('03-05'),
    closed: d('03-20'),
  });
  await move(h6, null, 'open', d('03-01'));
  await move(h6, 'open', 'rectifying', d('03-01'));
  await move(h6, 'rectifying', 'rectified', d('03-05'));
  await sign(h6, 'territorial', true, d('03-06'));
  await sign(h6, 'industry', true, d('03-07'));
  await sign(h6, 'special', true, d('03-20'));
  await move(h6, 'rectified', 'closed', d('03-20'));
  // h7 at ve: h6's type back on 15 Jun (a rebound), rectified 24 Jun, territorial after 2 days;
  // deadline 25 Jun passed: overdue, waiting for industry and special
  const h7 = await hazard(ve, {
    type: 'gas_safety',
    status: 'rectified',
    found: d('06-15'),
    deadline: d('06-25'),
    rectified: d('06-24'),
    reboundOf: h6,
  });
  await move(h7, null, 'open', d('06-15'));
  await move(h7, 'open', 'rectifying', d('06-15'));
  await move(h7, 'rectifying', 'rectified', d('06-24'));
  await sign(h7, 'territorial', true, d('06-26'));
  // h8 at vf: rectified 14 Jun, signed off after 1, 2 and 10 days, closed 24 Jun
  const h8 = await hazard(vf, {
    type: 'flammables',
    status: 'closed',
    found: d('06-12'),
    deadline: d('07-12'),
    rectified: d('06-14'),
    closed: d('06-24'),
  });
  await move(h8, null, 'open', d('06-12'));
  await move(h8, 'open', 'rectifying', d('06-12'));
  await move(h8, 'rectifying', 'rectified', d('06-14'));
  await sign(h8, 'territorial', true, d('06-15'));
  await sign(h8, 'industry', true, d('06-16'));
  await sign(h8, 'special', true, d('06-24'));
  await move(h8, 'rectified', 'closed', d('06-24'));

  return {
    t1,
    t2,
    w1,
    w2,
    cells: { c1, c2, c3 },
    venues: { va, vb, vc, vd, ve, vf },
    hazards: { h1, h2, h3, h4, h5, h6, h7, h8 },
  };
}

export type KpiCity = Awaited<ReturnType<typeof kpiCity>>;
