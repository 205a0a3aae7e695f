// The fuzz suite's fixture: the twoTownships city plus the accounts that send the cases (an
// admin for imports and policy, the grid worker of cell A-1 for patrols, the command center),
// an open and a rectified hazard at v1, and the ids the corpus builds paths from (venue, hazards,
// rule, township, worker, a cell without a worker).
import type { Queryable } from '@svm/db';
import { CITY_SCOPE, type Caller } from '../../auth/caller.ts';
import { twoTownships } from '../fixture.ts';

export interface FuzzFixture {
  venueId: number;
  openHazardId: number;
  rectifiedHazardId: number;
  ruleCode: string;
  /** township A, its grid worker 张三 and its cell without a worker (FX-A-2): the account and cell writes */
  townshipId: number;
  workerId: number;
  freeCellId: number;
  callers: Record<'admin' | 'city' | 'worker' | 'reader', Caller>;
}

async function one(tx: Queryable, text: string, params: unknown[] = []): Promise<number> {
  const rows = await tx.query<{ id: number }>(text, params);
  if (!rows[0]) throw new Error(`fuzz fixture: no row from ${text}`);
  return rows[0].id;
}

export async function fuzzFixture(tx: Queryable): Promise<FuzzFixture> {
  const f = await twoTownships(tx);
  const admin = await one(
    tx,
    `INSERT INTO users (username, display_name, role) VALUES ('fz_admin', '管理员', 'admin') RETURNING id`,
  );
  const city = await one(
    tx,
    `INSERT INTO users (username, display_name, role) VALUES ('fz_city', '指挥中心', 'city') RETURNING id`,
  );
  const worker = await one(tx, `SELECT id FROM users WHERE username = 'fx_zhang'`);
  // external ids let the CSV imports name v1 and the rectified hazard
  const venueId = await one(tx, `UPDATE venues SET external_id = 'FX-V1' WHERE name = 'v1' RETURNING id`);
  const openHazardId = await one(
    tx,
    `INSERT INTO hazards (venue_id, type_code, severity, found_at)
    VALUES ($1, 'blocked_exit', 'general', '2026-11-01T08:00:00Z') RETURNING id`,
    [venueId],
  );
  const rectifiedHazardId = await one(
    tx,
    `INSERT INTO hazards (external_id, venue_id, type_code, severity, found_at, status, responsible_person, deadline, rectified_at)
    VALUES ('FX-H2', $1, 'no_extinguisher', 'general', '2026-11-01T08:00:00Z', 'rectified', '王五', '2026-11-20T00:00:00Z', '2026-11-10T00:00:00Z') RETURNING id`,
    [venueId],
  );
  const ruleCode = (await tx.query<{ code: string }>('SELECT code FROM grading_rules ORDER BY code LIMIT 1'))[0]!.code;
  const person = (userId: number, name: string, role: Caller['role'], scope: Caller['scope']): Caller => ({
    userId,
    name,
    role,
    scope,
    readOnly: false,
  });
  return {
    venueId,
    openHazardId,
    rectifiedHazardId,
    ruleCode,
    townshipId: f.townshipA,
    workerId: worker,
    freeCellId: f.cells.a2,
    callers: {
      admin: person(admin, '管理员', 'admin', CITY_SCOPE),
      city: person(city, '指挥中心', 'city', CITY_SCOPE),
      worker: person(worker, '张三', 'grid_worker', { kind: 'township', townshipId: f.townshipA }),
      reader: { userId: null, name: 'fuzz reader', role: 'city', scope: CITY_SCOPE, readOnly: true },
    },
  };
}
