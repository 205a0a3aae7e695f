import { gunzipSync } from 'node:zlib';
import { sql, type Queryable } from '@svm/db';
import { rolledBack, testDb } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { TILE_LAYERS } from '@svm/contract';
import { PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { CITY_READ_SCOPE, resolveScope, type ReadScope } from '../../auth/scope.queries.ts';
import { renderTile } from './tiles.route.ts';
import { layerSource } from './tiles.queries.ts';
import { decodeLayer, sameVertices, signedArea, tileOf, toTileUnits } from '../../testing/tiles.ts';

const driver = (await testDb()).driver;
const AS_OF = '2026-11-30T12:00:00Z';
// z10 tile 856/422 spans 120.94-121.29E: township A, B's main part and every cell, not B's island (v7)
const Z10 = tileOf(121.05, 30.05, 10);
// z12 tile 3425/1689 (121.025-121.113E) holds v2 and v5; v1 lies 250 units west, v3 585 units north
const Z12 = tileOf(121.03, 30.05, 12);
// a z13 tile around 121.05E 30.05N cuts cells at its edges
const Z13 = tileOf(121.05, 30.05, 13);

/** The fixture plus two hazards: one open at v2, one rectifying at v3 past its deadline and a rebound. */
async function withHazards(tx: Queryable) {
  const f = await twoTownships(tx);
  const [v2] = await tx.query<{ id: number }>(`SELECT id FROM venues WHERE name = 'v2'`);
  const [v3] = await tx.query<{ id: number }>(`SELECT id FROM venues WHERE name = 'v3'`);
  const hazard = async (venueId: number, extra: string, values: string) =>
    (
      await tx.query<{ id: number }>(
        `INSERT INTO hazards (venue_id, type_code, severity, found_at, status${extra}) VALUES ($1, ${values}) RETURNING id`,
        [venueId],
      )
    )[0]!.id;
  const closed = await hazard(
    v3!.id,
    ', responsible_person, deadline, rectified_at, closed_at, fixed_on_spot',
    `'unsafe_wiring', 'general', '2026-08-01', 'closed', '王五', '2026-08-10', '2026-08-05', '2026-08-06', true`,
  );
  await tx.query(
    `INSERT INTO acceptances (hazard_id, party, passed, at, actor_name) VALUES ($1, 'on_the_spot', true, '2026-08-06', '张三')`,
    [closed],
  );
  const open = await hazard(v2!.id, '', `'blocked_exit', 'major', '2026-11-01', 'open'`);
  const late = await hazard(
    v3!.id,
    ', responsible_person, deadline, rebound_of',
    `'unsafe_wiring', 'general', '2026-11-02', 'rectifying', '王五', '2026-11-15', ${closed}`,
  );
  return { ...f, hazards: { closed, open, late } };
}

const tileUrl = (layer: string, t: { z: number; x: number; y: number }, asOf = AS_OF) =>
  `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt?asOf=${asOf}`;

describe('GET /api/tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  it('encodes active venues as points with their styling properties, hand-placed in tile units', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const { app } = await testApp(tx);
      const res = await app.request(tileUrl('venues', Z12));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
      const features = decodeLayer(new Uint8Array(await res.arrayBuffer()), 'venues');
      // low venues are due every 30 days: v2 and v5 (registered 01-01, never patrolled) are overdue;
      // retail scores 5 points, so computed low = assigned low: nobody misgraded
      const expected = [
        ['v2', 121.03, 30.05, 'registered'],
        ['v5', 121.08, 30.06, 'found_unregistered'],
      ] as const;
      expect(features).toHaveLength(expected.length);
      features.forEach((feature, i) => {
        const [, lon, lat, registration] = expected[i]!;
        expect(feature.type).toBe(1);
        expect(feature.properties).toEqual({
          id: feature.id,
          riskLevel: 'low',
          category: 'retail',
          registration,
          overdue: true,
          misgraded: false,
        });
        const [ex, ey] = toTileUnits(lon, lat, Z12.z, Z12.x, Z12.y);
        expect(Math.abs(feature.rings[0]![0]![0] - ex)).toBeLessThanOrEqual(1);
        expect(Math.abs(feature.rings[0]![0]![1] - ey)).toBeLessThanOrEqual(1);
      });
      // v1 (patrolled 11-20) is on time and v4 (closed in June) is not drawn
      const west = decodeLayer(
        new Uint8Array(await (await app.request(tileUrl('venues', tileOf(121.02, 30.02, 12)))).arrayBuffer()),
        'venues',
      );
      expect(west.map((x) => [x.properties.overdue])).toEqual([[false]]);
      const [v4] = await tx.query<{ id: number }>(`SELECT id FROM venues WHERE name = 'v4'`);
      const east = decodeLayer(
        await renderTile(tx, 'venues', tileOf(121.07, 30.03, 14), new Date(AS_OF), 'js', CITY_READ_SCOPE),
        'venues',
      );
      expect(east.map((x) => x.id)).not.toContain(v4!.id);
    });
  });

  it('leaves venue tiles below zoom 12 empty: zoomed out the map shows the heatmap', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const { app } = await testApp(tx);
      const res = await app.request(tileUrl('venues', Z10));
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    });
  });

  it("encodes grid cells as clockwise polygons with patrol properties, leaving out a never-patrolled cell's days", async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const bytes = await renderTile(tx, 'grid-cells', Z10, new Date(AS_OF), 'js', CITY_READ_SCOPE);
      const features = decodeLayer(bytes, 'grid-cells');
      // A-1 last patrolled 11-20 08:00 (10 whole days before as-of), B-1 on 11-25 (5 days); A-2 never
      expect(features.map((x) => x.properties)).toEqual([
        {
          id: f.cells.a1,
          code: 'FX-A-1',
          townshipId: f.townshipA,
          daysSincePatrol: 10,
          unpatrolled: true,
          hasWorker: true,
        },
        { id: f.cells.a2, code: 'FX-A-2', townshipId: f.townshipA, unpatrolled: true, hasWorker: false },
        {
          id: f.cells.b1,
          code: 'FX-B-1',
          townshipId: f.townshipB,
          daysSincePatrol: 5,
          unpatrolled: false,
          hasWorker: true,
        },
      ]);
      const corners = (
        [
          [121, 30],
          [121.05, 30],
          [121.05, 30.1],
          [121, 30.1],
        ] as const
      ).map(([lon, lat]) => toTileUnits(lon, lat, Z10.z, Z10.x, Z10.y));
      const ring = features[0]!.rings[0]!;
      expect(sameVertices(ring, corners)).toBe(true);
      expect(signedArea(ring)).toBeGreaterThan(0);
    });
  });

  it('encodes hazards open as of the moment at their venue, with status, overdue, rebound and type', async () => {
    await rolledBack(async (tx) => {
      const f = await withHazards(tx);
      const { app } = await testApp(tx);
      const features = decodeLayer(
        new Uint8Array(await (await app.request(tileUrl('hazards', Z10))).arrayBuffer()),
        'hazards',
      );
      // the August hazard was closed by then; no transitions recorded: status from the hazard's own fields
      expect(features.map((x) => x.properties)).toEqual([
        { id: f.hazards.open, status: 'open', overdue: false, rebound: false, type: 'blocked_exit' },
        { id: f.hazards.late, status: 'rectifying', overdue: true, rebound: true, type: 'unsafe_wiring' },
      ]);
      // on 2026-11-01 at noon the late one had not been found yet
      const before = decodeLayer(
        new Uint8Array(await (await app.request(tileUrl('hazards', Z10, '2026-11-01T12:00:00Z'))).arrayBuffer()),
        'hazards',
      );
      expect(before.map((x) => x.id)).toEqual([f.hazards.open]);
    });
  });

  it.runIf(driver === 'pg')(
    'gives the same features from ST_AsMVT and from the JS encoder, clipped tiles included',
    async () => {
      await rolledBack(async (tx) => {
        await withHazards(tx);
        for (const layer of TILE_LAYERS) {
          for (const tile of [Z10, Z12, Z13]) {
            const fromPostgis = decodeLayer(
              await renderTile(tx, layer, tile, new Date(AS_OF), 'postgis', CITY_READ_SCOPE),
              layer,
            );
            const fromJs = decodeLayer(
              await renderTile(tx, layer, tile, new Date(AS_OF), 'js', CITY_READ_SCOPE),
              layer,
            );
            expect(fromJs.map((x) => [x.id, x.type, x.properties])).toEqual(
              fromPostgis.map((x) => [x.id, x.type, x.properties]),
            );
            fromJs.forEach((feature, i) => {
              const other = fromPostgis[i]!;
              expect(feature.rings).toHaveLength(other.rings.length);
              feature.rings.forEach((ring, r) => {
                expect(sameVertices(ring, other.rings[r]!), `${layer} ${tile.z}: feature ${feature.id} ring ${r}`).toBe(
                  true,
                );
                if (feature.type === 3)
                  expect(Math.sign(signedArea(ring))).toBe(Math.sign(signedArea(other.rings[r]!)));
              });
            });
            if (layer === 'grid-cells' && tile === Z13) expect(fromJs.length).toBeGreaterThan(0);
          }
        }
      });
    },
  );

  it("finds each layer's features through the GiST index of its geometry (&& against the tile envelope)", async () => {
    await rolledBack(async (tx) => {
      await withHazards(tx);
      // The fixture is tiny, so sequential scans are priced out to see which index the filter can
      // use; plain index scans too, or the planner may walk the primary key and filter on &&
      // (a bitmap scan needs an index condition, and only the GiST index has one for &&).
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_indexscan = off');
      const plan = async (layer: (typeof TILE_LAYERS)[number]) =>
        (
          await tx.query<Record<string, string>>(
            sql`EXPLAIN ${layerSource(layer, Z13, new Date(AS_OF), CITY_READ_SCOPE)}`,
          )
        )
          .map((r) => Object.values(r).join(''))
          .join('\n');
      expect(await plan('venues')).toMatch(/venues_geom_gist/);
      expect(await plan('grid-cells')).toMatch(/grid_cells_geom_gist/);
      expect(await plan('hazards')).toMatch(/venues_geom_gist/);
    });
  });

  it("keeps the GiST index under a township scope, and folds the city scope's predicate away entirely", async () => {
    await rolledBack(async (tx) => {
      const f = await withHazards(tx);
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_indexscan = off');
      // The question is whether the && stays an index condition once the scope's predicate is
      // inlined, not which index the planner prefers: with the township btrees in place, statistics
      // left by earlier tests could make a bitmap scan of one of them win (a plan without the GiST
      // index, seen once). Dropped inside this rolled-back transaction, the GiST index is the only
      // way to the rows, so the plan names it exactly when the && reaches it.
      await tx.query('DROP INDEX venues_township, grid_cells_township');
      const township = await resolveScope(tx, { kind: 'township', townshipId: f.townshipA });
      const plan = async (layer: (typeof TILE_LAYERS)[number], scope: ReadScope) =>
        (await tx.query<Record<string, string>>(sql`EXPLAIN ${layerSource(layer, Z13, new Date(AS_OF), scope)}`))
          .map((r) => Object.values(r).join(''))
          .join('\n');
      // venue_in_scope is inlined: a township scope becomes a plain township_id filter beside the && index condition
      for (const [layer, index] of [
        ['venues', 'venues_geom_gist'],
        ['hazards', 'venues_geom_gist'],
        ['grid-cells', 'grid_cells_geom_gist'],
      ] as const) {
        const text = await plan(layer, township);
        expect(text).toMatch(index);
        expect(text).toMatch(new RegExp(`township_id = ${f.townshipA}\\b`));
      }
      // with the scope's NULLs bound, "NULL IS NULL OR ..." is constant-folded: no scope filter survives
      for (const layer of TILE_LAYERS)
        expect(await plan(layer, CITY_READ_SCOPE)).not.toMatch(/_in_scope|township_id = \d|category = ANY/);
    });
  });

  it('sends a strong ETag, answers a matching If-None-Match with 304, and gzips when asked', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const { app } = await testApp(tx);
      const plain = await app.request(tileUrl('grid-cells', Z10));
      const etag = plain.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(plain.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const raw = new Uint8Array(await plain.arrayBuffer());
      const again = await app.request(tileUrl('grid-cells', Z10), { headers: { 'If-None-Match': etag! } });
      expect(again.status).toBe(304);
      const zipped = await app.request(tileUrl('grid-cells', Z10), { headers: { 'Accept-Encoding': 'gzip, deflate' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('etag')).not.toBe(etag);
      expect(new Uint8Array(gunzipSync(new Uint8Array(await zipped.arrayBuffer())))).toEqual(raw);
      const refused = await app.request(tileUrl('grid-cells', Z10), {
        headers: { 'Accept-Encoding': 'gzip;q=0, identity' },
      });
      expect(refused.headers.get('content-encoding')).toBeNull();
    });
  });

  it('sends an empty tile where there is nothing', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const { app } = await testApp(tx);
      const res = await app.request(tileUrl('grid-cells', { z: 10, x: 0, y: 0 }));
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    });
  });

  it.each([
    ['/api/tiles/venues/23/0/0.mvt', /zoom 23 is outside 0-22/],
    ['/api/tiles/venues/1/2/0.mvt', /x 2 is outside 0-1 at zoom 1/],
    ['/api/tiles/venues/1/0/5.mvt', /y 5 is outside 0-1 at zoom 1/],
    ['/api/tiles/roads/1/0/0.mvt', /layer "roads" is not one of venues, grid-cells, hazards/],
    ['/api/tiles/venues/a/0/0.mvt', /z must be a whole number/],
    ['/api/tiles/venues/1/-1/0.mvt', /x must be a whole number/],
    ['/api/tiles/venues/1/0/0.png', /\{y\}\.mvt/],
    ['/api/tiles/venues/1/0/0.mvt?asOf=yesterday', /asOf: must be an ISO 8601/],
  ])('rejects %s with a 400 problem saying what is allowed', async (url, detail) => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request(url);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    });
  });
});
