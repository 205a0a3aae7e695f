// Held tiles on a database of their own, where transactions really commit (inside the usual
// rolled-back fixture every tile is uncacheable: the data version is null there).
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import { testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { tileOf } from '../../testing/tiles.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  await db.transaction(async (tx) => void (await twoTownships(tx)));
});
afterAll(async () => drop());

// z10 tile over townships A and B: every grid cell of the fixture
const Z10 = tileOf(121.05, 30.05, 10);
const url = `/api/tiles/grid-cells/${Z10.z}/${Z10.x}/${Z10.y}.mvt?asOf=2026-11-30T12:00:00Z`;
const GZIP = { 'Accept-Encoding': 'gzip' };

describe('tiles of a pinned asOf, held under the data version', () => {
  it('answers again with the same bytes and tag, revalidates with a 304, and changes its tag once a change is committed', async () => {
    const { app } = await testApp(db);
    const first = await app.request(url, { headers: GZIP });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+-gz"$/);
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(gunzipSync(bytes).byteLength).toBeGreaterThan(0);

    const held = await app.request(url, { headers: GZIP });
    expect(held.headers.get('etag')).toBe(tag);
    expect(new Uint8Array(await held.arrayBuffer())).toEqual(bytes);
    // the identity form is another representation: another tag, the same tile
    const plain = await app.request(url);
    expect(plain.headers.get('etag')).not.toBe(tag);
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(new Uint8Array(gunzipSync(bytes)));

    const revalidated = await app.request(url, { headers: { ...GZIP, 'If-None-Match': tag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(tag);
    expect(await revalidated.arrayBuffer()).toHaveProperty('byteLength', 0);

    // any committed change moves the data version: the old validator no longer matches
    await db.query('UPDATE patrol_policy SET high_days = high_days WHERE id = 1');
    const after = await app.request(url, { headers: { ...GZIP, 'If-None-Match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(new Uint8Array(await after.arrayBuffer())).toEqual(bytes);
  });
});
