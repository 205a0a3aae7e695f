// A hand-built city for the jurisdiction leak matrix: two townships side by side, two departments
// with disjoint categories, and in each township venues, cells, patrols, hazards, sign-offs,
// reference points and audit rows, with a rebound cluster straddling the border.
//
//  30.10 +---------------- A (cell LK-A-1) ----------+--- B (LK-B-1, no worker) --+--- B, no cell ---+
//        |        A-商店 (retail, unregistered)      |       B-商店 (retail, unr.) |          B-远郊   |
//        |   ref-A                                   |   ref-B                     |        (catering) |
//  30.05 |                                A-餐饮 ●●● | ●● B-餐饮                   |                   |
//        |   A-电动车 (ebike)                        |     B-电动车 (ebike, misgraded)                  |
//  30.00 +-------------------------------------------+-----------------------------+-------------------+
//      121.00                                     121.10                        121.15              121.20
//
// A-餐饮 (121.099) and B-餐饮 (121.101) are 193 m apart: their five rebounds (three in A, two in B)
// form one DBSCAN cluster for the city (eps 300 m, min 3). Department 餐饮 (catering) sees the
// catering venues of both townships; department 车辆 (ebike, repair) the e-bike shops.
import type { Queryable } from '@svm/db';
import type { Caller } from '../../auth/caller.ts';

export const AS_OF = '2026-11-30T12:00:00Z';

const square = (x0: number, y0: number, x1: number, y1: number) =>
  `POLYGON((${x0} ${y0}, ${x1} ${y0}, ${x1} ${y1}, ${x0} ${y1}, ${x0} ${y0}))`;

async function one(tx: Queryable, text: string, params: unknown[]): Promise<number> {
  const id = (await tx.query<{ id: number }>(`${text} RETURNING id`, params))[0]?.id;
  if (id === undefined) throw new Error(`leak fixture insert returned no id: ${text}`);
  return id;
}

export interface Side {
  township: number;
  venues: number[];
  hazards: number[];
  cells: number[];
  refs: number[];
  /** text that belongs to this side only: venue names, the township's name, cell codes, people */
  markers: string[];
}

export interface LeakFixture {
  a: Side;
  b: Side;
  /** venues (and the hazards at them) of each department */
  food: { department: number; venues: number[]; hazards: number[]; markers: string[] };
  bike: { department: number; venues: number[]; hazards: number[]; markers: string[] };
  /** every venue, with its name, lon and lat (to find the tiles holding them) */
  venues: { id: number; name: string; lon: number; lat: number }[];
}

type Category = 'catering' | 'ebike' | 'retail';
interface VenueSpec {
  name: string;
  category: Category;
  lon: number;
  lat: number;
  unregistered?: boolean;
}

const VENUES: Record<'a' | 'b', VenueSpec[]> = {
  a: [
    { name: 'A-餐饮', category: 'catering', lon: 121.099, lat: 30.05 },
    { name: 'A-电动车', category: 'ebike', lon: 121.02, lat: 30.02 },
    { name: 'A-商店', category: 'retail', lon: 121.05, lat: 30.08, unregistered: true },
  ],
  b: [
    { name: 'B-餐饮', category: 'catering', lon: 121.101, lat: 30.05 },
    { name: 'B-电动车', category: 'ebike', lon: 121.14, lat: 30.03 },
    { name: 'B-商店', category: 'retail', lon: 121.12, lat: 30.08, unregistered: true },
    { name: 'B-远郊', category: 'catering', lon: 121.18, lat: 30.09 },
  ],
};

async function venue(tx: Queryable, v: VenueSpec): Promise<number> {
  // every venue is graded low: the e-bike shops (35 points, computed medium) are misgraded
  return one(
    tx,
    `INSERT INTO venues (name, category, risk_level, registration, registered_at, geom)
                  VALUES ($1, $2::venue_category, 'low', $3::registration_status, '2026-01-01T00:00:00Z', ST_SetSRID(ST_MakePoint($4, $5), 4326))`,
    [v.name, v.category, v.unregistered ? 'found_unregistered' : 'registered', v.lon, v.lat],
  );
}

/** A closed on-the-spot fix (in the rebound cohort of Aug–Nov) and `rebounds` open rebounds of it in November. */
async function reboundChain(tx: Queryable, venueId: number, rebounds: number): Promise<number[]> {
  const closed = await one(
    tx,
    `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, fixed_on_spot, rectified_at, closed_at)
                                VALUES ($1, 'unsafe_wiring', 'general', '2026-08-01', 'closed', true, '2026-08-05', '2026-08-06')`,
    [venueId],
  );
  await tx.query(
    `INSERT INTO acceptances (hazard_id, party, passed, at, actor_name) VALUES ($1, 'on_the_spot', true, '2026-08-06', 'fixture')`,
    [closed],
  );
  const ids = [closed];
  for (let i = 0; i < rebounds; i++) {
    ids.push(
      await one(
        tx,
        `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, rebound_of)
                            VALUES ($1, 'unsafe_wiring', 'general', $2, 'open', $3)`,
        [venueId, `2026-11-1${i}`, closed],
      ),
    );
  }
  return ids;
}

/** A hazard rectified on 11-20, awaiting sign-off, with its territorial sign-off passed on 11-22. */
async function awaiting(tx: Queryable, venueId: number, person: string): Promise<number> {
  const id = await one(
    tx,
    `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, responsible_person, deadline, rectified_at)
                            VALUES ($1, 'blocked_exit', 'major', '2026-11-01', 'rectified', $2, '2026-11-25', '2026-11-20')`,
    [venueId, person],
  );
  await tx.query(
    `INSERT INTO acceptances (hazard_id, party, passed, at, actor_name) VALUES ($1, 'territorial', true, '2026-11-22', 'fixture')`,
    [id],
  );
  return id;
}

export async function leakCity(tx: Queryable): Promise<LeakFixture> {
  const tA = await one(
    tx,
    `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ('LK-A', '东湖街道', 'East Lake', 'subdistrict', ST_Multi(ST_GeomFromText($1, 4326)))`,
    [square(121.0, 30.0, 121.1, 30.1)],
  );
  const tB = await one(
    tx,
    `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ('LK-B', '西山镇', 'West Hill', 'town', ST_Multi(ST_GeomFromText($1, 4326)))`,
    [square(121.1, 30.0, 121.2, 30.1)],
  );
  const food = await one(
    tx,
    `INSERT INTO industry_departments (code, name, name_en, categories) VALUES ('lk-food', '市场监管局', 'Market', '{catering}')`,
    [],
  );
  const bike = await one(
    tx,
    `INSERT INTO industry_departments (code, name, name_en, categories) VALUES ('lk-bike', '车辆管理所', 'Vehicles', '{ebike,repair}')`,
    [],
  );
  const wa = await one(
    tx,
    `INSERT INTO users (username, display_name, role, township_id) VALUES ('lk_wang', '王网格甲', 'grid_worker', $1)`,
    [tA],
  );
  const wb = await one(
    tx,
    `INSERT INTO users (username, display_name, role, township_id) VALUES ('lk_zhao', '赵网格乙', 'grid_worker', $1)`,
    [tB],
  );
  const cA = await one(
    tx,
    `INSERT INTO grid_cells (code, name, township_id, worker_id, geom) VALUES ('LK-A-1', '东湖一网格', $1, $2, ST_Multi(ST_GeomFromText($3, 4326)))`,
    [tA, wa, square(121.0, 30.0, 121.1, 30.1)],
  );
  // B's only cell has no worker and covers half of B: a coverage gap and an unassigned cell, both B's
  const cB = await one(
    tx,
    `INSERT INTO grid_cells (code, name, township_id, worker_id, geom) VALUES ('LK-B-1', '西山一网格', $1, NULL, ST_Multi(ST_GeomFromText($2, 4326)))`,
    [tB, square(121.1, 30.0, 121.15, 30.1)],
  );
  const va: number[] = [];
  for (const v of VENUES.a) va.push(await venue(tx, v));
  const vb: number[] = [];
  for (const v of VENUES.b) vb.push(await venue(tx, v));
  const [aFood, aBike] = va as [number, number, number];
  const [bFood, bBike, , bFar] = vb as [number, number, number, number];
  // patrols in late November: every venue patrolled except the shops and B's far venue
  for (const [venueId, worker, at] of [
    [aFood, wa, '2026-11-25'],
    [aBike, wa, '2026-11-26'],
    [bFood, wb, '2026-11-25'],
    [bBike, wb, '2026-11-27'],
  ] as const) {
    const patrol = await one(
      tx,
      `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, $3, 'ok')`,
      [venueId, worker, at],
    );
    await tx.query(
      `INSERT INTO audit_log (at, actor_name, action, entity, entity_id) VALUES ($1, 'fixture', 'patrol.record', 'patrol', $2)`,
      [at, String(patrol)],
    );
  }
  const aFoodChain = await reboundChain(tx, aFood, 3);
  const bFoodChain = await reboundChain(tx, bFood, 2);
  const aBikeHazard = await awaiting(tx, aBike, '甲责任人');
  const bBikeHazard = await awaiting(tx, bBike, '乙责任人');
  const bFarHazard = await one(
    tx,
    `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, description) VALUES ($1, 'gas_safety', 'major', '2026-11-15', 'open', '远郊燃气')`,
    [bFar],
  );
  const refA = await one(
    tx,
    `INSERT INTO reference_points (source, external_id, name, geom) VALUES ('osm', 'lk-ref-a', '参考点甲', ST_SetSRID(ST_MakePoint(121.03, 30.06), 4326))`,
    [],
  );
  const refB = await one(
    tx,
    `INSERT INTO reference_points (source, external_id, name, geom) VALUES ('osm', 'lk-ref-b', '参考点乙', ST_SetSRID(ST_MakePoint(121.13, 30.06), 4326))`,
    [],
  );
  await tx.query(
    `INSERT INTO streets (name, class, geom) VALUES ('跨界大道', 'arterial', ST_GeomFromText('LINESTRING(121.01 30.04, 121.19 30.04)', 4326))`,
  );
  const names = (vs: VenueSpec[]) => vs.map((v) => v.name);
  const all = [...VENUES.a.map((v, i) => ({ ...v, id: va[i]! })), ...VENUES.b.map((v, i) => ({ ...v, id: vb[i]! }))];
  return {
    a: {
      township: tA,
      venues: va,
      hazards: [...aFoodChain, aBikeHazard],
      cells: [cA],
      refs: [refA],
      markers: [...names(VENUES.a), '东湖街道', 'LK-A-1', '甲责任人', '王网格甲', '参考点甲'],
    },
    b: {
      township: tB,
      venues: vb,
      hazards: [...bFoodChain, bBikeHazard, bFarHazard],
      cells: [cB],
      refs: [refB],
      markers: [...names(VENUES.b), '西山镇', 'LK-B-1', '乙责任人', '赵网格乙', '参考点乙', '远郊燃气'],
    },
    food: {
      department: food,
      venues: [aFood, bFood, bFar],
      hazards: [...aFoodChain, ...bFoodChain, bFarHazard],
      markers: ['A-餐饮', 'B-餐饮', 'B-远郊'],
    },
    bike: {
      department: bike,
      venues: [aBike, bBike],
      hazards: [aBikeHazard, bBikeHazard],
      markers: ['A-电动车', 'B-电动车', '甲责任人', '乙责任人'],
    },
    venues: all.map((v) => ({ id: v.id, name: v.name, lon: v.lon, lat: v.lat })),
  };
}

const person = { userId: null, readOnly: true } as const;
export const cityCaller = (): Caller => ({ ...person, name: 'city', role: 'city', scope: { kind: 'city' } });
export const townshipCaller = (townshipId: number): Caller => ({
  ...person,
  name: 'township',
  role: 'township',
  scope: { kind: 'township', townshipId },
});
export const departmentCaller = (departmentId: number): Caller => ({
  ...person,
  name: 'department',
  role: 'department',
  scope: { kind: 'department', departmentId },
});
