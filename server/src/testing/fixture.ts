// A small hand-built city for route tests: two townships, three grid cells, seven venues,
// two patrols and four streets, laid out so every expected answer can be worked out by hand.
//
//  30.10 +----------A-1---------+----------A-2---------+------------B-1------------+
//        |  v3                  |                      |                           |
//        |        (S2 inside    |           v5         |          v6               |     island of B
//        |  v2     the bbox)    |                      |                           |  30.05 +------+
//        |  v1                  |   v4 (closed)        |                           |        |  v7  |
//  30.00 +----------------------+----------------------+---------------------------+  30.00 +------+
//      121.00                 121.05                 121.10                      121.20  121.30  121.35
import type { Queryable } from '@svm/db';

export interface Fixture {
  townshipA: number;
  townshipB: number;
  cells: { a1: number; a2: number; b1: number };
  streets: { crossing: number; inside: number; envelopeOnly: number; farAway: number };
  latestPatrolAt: string;
}

const square = (x0: number, y0: number, x1: number, y1: number) =>
  `(${x0} ${y0}, ${x1} ${y0}, ${x1} ${y1}, ${x0} ${y1}, ${x0} ${y0})`;

async function insertId(tx: Queryable, text: string, params: unknown[]): Promise<number> {
  const rows = await tx.query<{ id: number }>(`${text} RETURNING id`, params);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`fixture insert returned no id: ${text}`);
  return id;
}

const township = (tx: Queryable, code: string, name: string, nameEn: string, kind: string, wkt: string) =>
  insertId(
    tx,
    `INSERT INTO townships (code, name, name_en, kind, geom)
                VALUES ($1, $2, $3, $4::township_kind, ST_GeomFromText($5, 4326))`,
    [code, name, nameEn, kind, wkt],
  );

const worker = (tx: Queryable, username: string, displayName: string, townshipId: number) =>
  insertId(tx, `INSERT INTO users (username, display_name, role, township_id) VALUES ($1, $2, 'grid_worker', $3)`, [
    username,
    displayName,
    townshipId,
  ]);

const cell = (tx: Queryable, code: string, name: string, townshipId: number, workerId: number | null, ring: string) =>
  insertId(
    tx,
    `INSERT INTO grid_cells (code, name, township_id, worker_id, geom)
                VALUES ($1, $2, $3, $4, ST_Multi(ST_GeomFromText('POLYGON(${ring})', 4326)))`,
    [code, name, townshipId, workerId],
  );

const venue = (
  tx: Queryable,
  name: string,
  lon: number,
  lat: number,
  extra: { closed?: boolean; unregistered?: boolean } = {},
) =>
  insertId(
    tx,
    `INSERT INTO venues (name, category, risk_level, registration, status, registered_at, closed_at, geom)
                VALUES ($1, 'retail', 'low', $2, $3, '2026-01-01T00:00:00Z', $4, ST_SetSRID(ST_MakePoint($5, $6), 4326))`,
    [
      name,
      extra.unregistered ? 'found_unregistered' : 'registered',
      extra.closed ? 'closed' : 'active',
      extra.closed ? '2026-06-01T00:00:00Z' : null,
      lon,
      lat,
    ],
  );

const patrol = (tx: Queryable, venueId: number, workerId: number, at: string) =>
  insertId(tx, `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, $3, 'ok')`, [
    venueId,
    workerId,
    at,
  ]);

const street = (tx: Queryable, name: string, cls: string, wkt: string) =>
  insertId(tx, `INSERT INTO streets (name, class, geom) VALUES ($1, $2, ST_GeomFromText($3, 4326))`, [name, cls, wkt]);

/** The bbox the street tests query: it holds S2, is crossed by S1, and misses S3 and S4. */
export const STREET_BBOX = '121.02,30.02,121.06,30.06';

export async function twoTownships(tx: Queryable): Promise<Fixture> {
  const townshipA = await township(
    tx,
    'FX-A',
    '东湖街道',
    'East Lake Subdistrict',
    'subdistrict',
    `MULTIPOLYGON((${square(121.0, 30.0, 121.1, 30.1)}))`,
  );
  const townshipB = await township(
    tx,
    'FX-B',
    '西山镇',
    'West Hill Town',
    'town',
    `MULTIPOLYGON((${square(121.1, 30.0, 121.2, 30.1)}),(${square(121.3, 30.0, 121.35, 30.05)}))`,
  );
  const zhang = await worker(tx, 'fx_zhang', '张三', townshipA);
  const li = await worker(tx, 'fx_li', '李四', townshipB);
  const cells = {
    a1: await cell(tx, 'FX-A-1', '东湖一网格', townshipA, zhang, square(121.0, 30.0, 121.05, 30.1)),
    a2: await cell(tx, 'FX-A-2', '东湖二网格', townshipA, null, square(121.05, 30.0, 121.1, 30.1)),
    b1: await cell(tx, 'FX-B-1', '西山一网格', townshipB, li, square(121.1, 30.0, 121.2, 30.1)),
  };
  // A: four active venues (v5 found unregistered still counts) and one closed that does not
  const v1 = await venue(tx, 'v1', 121.02, 30.02);
  await venue(tx, 'v2', 121.03, 30.05);
  await venue(tx, 'v3', 121.04, 30.08);
  await venue(tx, 'v4', 121.07, 30.03, { closed: true });
  await venue(tx, 'v5', 121.08, 30.06, { unregistered: true });
  // B: one in its grid cell, one on its island, which no cell covers
  const v6 = await venue(tx, 'v6', 121.15, 30.05);
  await venue(tx, 'v7', 121.32, 30.02);
  await patrol(tx, v1, zhang, '2026-11-20T08:00:00Z');
  await patrol(tx, v6, li, '2026-11-25T09:30:00Z');
  const streets = {
    crossing: await street(tx, '中山路', 'arterial', 'LINESTRING(121.0 30.04, 121.1 30.04)'),
    inside: await street(tx, '解放路', 'local', 'LINESTRING(121.03 30.03, 121.04 30.05)'),
    // its envelope overlaps the bbox's corner but the line passes below it (y = x - 91.05)
    envelopeOnly: await street(tx, '环城路', 'secondary', 'LINESTRING(121.05 30.0, 121.1 30.05)'),
    farAway: await street(tx, '西山路', 'secondary', 'LINESTRING(121.15 30.05, 121.18 30.05)'),
  };
  return { townshipA, townshipB, cells, streets, latestPatrolAt: '2026-11-25T09:30:00.000Z' };
}
