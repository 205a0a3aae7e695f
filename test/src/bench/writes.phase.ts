// Measurement 4: patrol recording through POST /api/patrols at concurrency 4 (four grid workers
// of busy cells, signed in, every fifth patrol with a hazard so rebound detection runs), and a
// 100,000-row patrol CSV import; each against the same rows in one bare multi-row INSERT. Every
// row written is dated after the city's reference date (invisible to every as-of figure) and
// deleted afterwards, so the reused city stays as seeded.
import type { Queryable } from '@svm/db';
import { hashPassword } from '@svm/server/bench';
import { bearerToken, post } from './bench-server.ts';
import { atConcurrency, ratio, round, timed, type Throughput } from './measure.ts';

export interface WriteResults {
  patrols: {
    http: Throughput;
    failures: number;
    firstFailure: string | null;
    bareRowsPerSecond: number;
    throughputRatio: number | null;
  };
  import: {
    rows: number;
    bytes: number;
    seconds: number;
    rowsPerSecond: number;
    status: number;
    answer: string;
    bareRowsPerSecond: number;
    ratio: number | null;
  };
}

const WORKER_PASSWORD = 'svm-bench-worker-2026';
const TABLES = ['acceptances', 'hazard_transitions', 'hazards', 'patrols', 'audit_log'] as const;

async function highWater(db: Queryable): Promise<Record<string, number>> {
  const marks: Record<string, number> = {};
  for (const t of TABLES)
    marks[t] = (await db.query<{ m: number }>(`SELECT coalesce(max(id), 0)::float8 AS m FROM ${t}`))[0]!.m;
  return marks;
}

/** Deletes what the writes added (newest dependants first); hazards first unlink their rebound sources. */
async function restore(db: Queryable, marks: Record<string, number>): Promise<void> {
  await db.query('UPDATE hazards SET rebound_of = NULL WHERE id > $1', [marks.hazards]);
  for (const t of TABLES) await db.query(`DELETE FROM ${t} WHERE id > $1`, [marks[t]]);
}

export async function measureWrites(
  url: string,
  adminToken: string,
  db: Queryable,
  referenceDate: Date,
  log: (m: string) => void,
): Promise<WriteResults> {
  const marks = await highWater(db);
  try {
    return await writes(url, adminToken, db, referenceDate, log);
  } finally {
    await restore(db, marks);
    await db.query('VACUUM ANALYZE patrols');
  }
}

async function writes(
  url: string,
  adminToken: string,
  db: Queryable,
  referenceDate: Date,
  log: (m: string) => void,
): Promise<WriteResults> {
  // four busy cells with a worker; the workers get a password for the run
  const cells = await db.query<{ worker_id: number; username: string; venue_ids: number[] }>(
    `
    SELECT c.worker_id, u.username, (array_agg(v.id ORDER BY v.id))[1:100] AS venue_ids
      FROM grid_cells c JOIN users u ON u.id = c.worker_id
      JOIN venues v ON v.grid_cell_id = c.id AND v.closed_at IS NULL AND v.registered_at <= $1
     GROUP BY c.id, c.worker_id, u.username HAVING count(*) >= 50 ORDER BY c.id LIMIT 4`,
    [referenceDate],
  );
  const hash = await hashPassword(WORKER_PASSWORD);
  await db.query('UPDATE users SET password_hash = $1 WHERE id = ANY ($2::int[])', [
    hash,
    cells.map((c) => c.worker_id),
  ]);
  const tokens = await Promise.all(cells.map((c) => bearerToken(url, c.username, WORKER_PASSWORD)));
  const types = (await db.query<{ code: string }>('SELECT code FROM hazard_types ORDER BY code')).map((r) => r.code);

  // 400 patrols, interleaved across the four workers; times just after the reference date
  const start = referenceDate.getTime() + 60_000;
  const items = Array.from({ length: 400 }, (_, i) => {
    const lane = i % cells.length;
    const cell = cells[lane]!;
    const venueId = cell.venue_ids[Math.floor(i / cells.length) % cell.venue_ids.length]!;
    const at = new Date(start + i * 1000).toISOString();
    const hazards = i % 5 === 0 ? [{ typeCode: types[i % types.length]!, description: 'bench' }] : [];
    return { token: tokens[lane]!, body: { venueId, patrolledAt: at, note: 'bench', hazards }, worker: cell.worker_id };
  });
  let failures = 0;
  let firstFailure: string | null = null;
  const http = await atConcurrency(items, 4, async (item) => {
    const res = await post(`${url}/api/patrols`, item.token, JSON.stringify(item.body), 'application/json');
    if (res.status !== 201 && res.status !== 200) {
      failures++;
      firstFailure ??= `${res.status} ${res.text.slice(0, 300)}`;
    }
  });
  log(`  patrols: ${http.perSecond}/s at concurrency 4 (median ${http.medianMs} ms), ${failures} failed`);
  const bareMs = await timed(() =>
    db.query(
      `
    INSERT INTO patrols (venue_id, worker_id, patrolled_at, result, note)
    SELECT * FROM unnest($1::int[], $2::int[], $3::timestamptz[], $4::text[]::patrol_result[], $5::text[])`,
      [
        items.map((i) => i.body.venueId),
        items.map((i) => i.worker),
        items.map((i) => new Date(Date.parse(i.body.patrolledAt) + 500)),
        items.map((i) => (i.body.hazards.length ? 'hazards_found' : 'ok')),
        items.map(() => 'bench'),
      ],
    ),
  );
  const bareRowsPerSecond = round((items.length / bareMs) * 1000);

  // 100,000 CSV rows over venues with a worker of their cell; dated just after the patrols above
  const venues = await db.query<{ id: number; worker_id: number; external_id: string; username: string }>(
    `
    SELECT v.id, c.worker_id, v.external_id, u.username FROM venues v JOIN grid_cells c ON c.id = v.grid_cell_id JOIN users u ON u.id = c.worker_id
     WHERE v.closed_at IS NULL AND v.registered_at <= $1 ORDER BY v.id LIMIT 20000`,
    [referenceDate],
  );
  const run = Date.now().toString(36);
  const importStart = start + 3_600_000;
  const lines = ['external_id,venue_external_id,worker_username,patrolled_at,result,note'];
  const rows = 100_000;
  for (let i = 0; i < rows; i++) {
    const v = venues[i % venues.length]!;
    lines.push(
      `bench-${run}-${i},${v.external_id},${v.username},${new Date(importStart + i * 100).toISOString()},ok,bench import`,
    );
  }
  const csv = lines.join('\n') + '\n';
  let answer = { status: 0, text: '' };
  const seconds =
    (await timed(async () => (answer = await post(`${url}/api/import/patrols`, adminToken, csv, 'text/csv')))) / 1000;
  log(
    `  import: ${rows} rows (${round(csv.length / 1e6, 1)} MB) in ${round(seconds, 1)} s: ${answer.status} ${answer.text.slice(0, 200)}`,
  );
  // the baseline: the same rows as one INSERT of arrays (ids resolved already, as a loader would)
  const bareImportMs = await timed(() =>
    db.query(
      `
    INSERT INTO patrols (external_id, venue_id, worker_id, patrolled_at, result, note)
    SELECT 'bare-' || $1 || '-' || n, v, w, to_timestamp($2::float8 / 1000 + n * 0.1), 'ok', 'bench import'
      FROM unnest($3::int[], $4::int[]) WITH ORDINALITY AS u(v, w, n)`,
      [
        run,
        importStart + 20_000_000,
        Array.from({ length: rows }, (_, i) => venues[i % venues.length]!.id),
        Array.from({ length: rows }, (_, i) => venues[i % venues.length]!.worker_id),
      ],
    ),
  );
  const bareImportRate = round((rows / bareImportMs) * 1000);
  const rowsPerSecond = round(rows / seconds);
  return {
    patrols: {
      http,
      failures,
      firstFailure,
      bareRowsPerSecond,
      throughputRatio: ratio(http.perSecond, bareRowsPerSecond),
    },
    import: {
      rows,
      bytes: csv.length,
      seconds: round(seconds, 2),
      rowsPerSecond,
      status: answer.status,
      answer: answer.text.slice(0, 300),
      bareRowsPerSecond: bareImportRate,
      ratio: ratio(rowsPerSecond, bareImportRate),
    },
  };
}
