import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum, userId } from '../../testing/workflow-fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  // imports are the administrator's (authority.test.ts shows everyone else refused)
  return {
    admin: await appAs(tx, accounts.admin),
    nobody: await appAs(tx, null),
    zhang: await appAs(tx, await userId(tx, 'fx_zhang')),
  };
}

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: unknown) => ({ type: 'Feature', geometry, properties });

// a new township C east of the fixture's B (121.4-121.5), and a bow-tie that crosses itself
const TOWNSHIP_C = feature(
  { type: 'Polygon', coordinates: square(121.4, 30.0, 121.5, 30.1) },
  { code: 'FX-C', name: '南湾镇', nameEn: 'South Bay Town', kind: 'town' },
);
const BOW_TIE = {
  type: 'Polygon',
  coordinates: [
    [
      [121.4, 30.0],
      [121.5, 30.1],
      [121.5, 30.0],
      [121.4, 30.1],
      [121.4, 30.0],
    ],
  ],
};

describe('GeoJSON imports', () => {
  it('imports a township, and the same file again updates it instead of duplicating', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const first = await upload(admin, 'townships', fc(TOWNSHIP_C));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ inserted: 1, updated: 0, venuesRelocated: 0 });
      expect(await (await upload(admin, 'townships', fc(TOWNSHIP_C))).json()).toEqual({
        inserted: 0,
        updated: 1,
        venuesRelocated: 0,
      });
      const rows = await tx.query<{ code: string; kind: string; type: string }>(
        `SELECT code, kind::text, GeometryType(geom) AS type FROM townships WHERE code = 'FX-C'`,
      );
      expect(rows).toEqual([{ code: 'FX-C', kind: 'town', type: 'MULTIPOLYGON' }]);
    });
  });

  it('imports a district (区), the generic kind for cities whose units are wards or districts', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const ward = feature(
        { type: 'Polygon', coordinates: square(121.4, 30.0, 121.5, 30.1) },
        { code: 'T01', name: '中央区', nameEn: 'Central Ward', kind: 'district' },
      );
      const res = await upload(admin, 'townships', fc(ward));
      expect(await res.json()).toEqual({ inserted: 1, updated: 0, venuesRelocated: 0 });
      expect(await tx.query(`SELECT code, kind::text FROM townships WHERE code = 'T01'`)).toEqual([
        { code: 'T01', kind: 'district' },
      ]);
    });
  });

  it('imports grid cells with their worker and re-derives the cells of the venues inside', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      // B's island (121.3-121.35, 30.0-30.05) holds v7, which no cell covered before
      const island = feature(
        { type: 'Polygon', coordinates: square(121.3, 30.0, 121.35, 30.05) },
        { code: 'FX-B-2', name: '西山岛网格', townshipCode: 'FX-B', workerUsername: 'fx_li' },
      );
      const res = await upload(admin, 'grid-cells', fc(island), 'application/json');
      expect(await res.json()).toEqual({ inserted: 1, updated: 0, venuesRelocated: 1 });
      const v7 = await tx.query<{ code: string }>(
        `SELECT c.code FROM venues v JOIN grid_cells c ON c.id = v.grid_cell_id WHERE v.name = 'v7'`,
      );
      expect(v7).toEqual([{ code: 'FX-B-2' }]);
    });
  });

  it('imports a grid cell of two parts (a MultiPolygon) as one cell holding the venues of both', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      // B's island split by a channel at 121.32-121.33: v7 (121.32, 30.02) lies on the west part's edge
      const split = feature(
        {
          type: 'MultiPolygon',
          coordinates: [square(121.3, 30.0, 121.32, 30.05), square(121.33, 30.0, 121.35, 30.05)],
        },
        { code: 'FX-B-2', name: '西山岛网格', townshipCode: 'FX-B' },
      );
      expect(await (await upload(admin, 'grid-cells', fc(split))).json()).toEqual({
        inserted: 1,
        updated: 0,
        venuesRelocated: 1,
      });
      const rows = await tx.query<{ kind: string; parts: number; venues: number }>(
        `SELECT GeometryType(geom) AS kind, ST_NumGeometries(geom) AS parts,
                (SELECT count(*)::int FROM venues v WHERE v.grid_cell_id = c.id) AS venues
           FROM grid_cells c WHERE code = 'FX-B-2'`,
      );
      expect(rows).toEqual([{ kind: 'MULTIPOLYGON', parts: 2, venues: 1 }]);
    });
  });

  it('refuses grid cells outside their township, naming cell, township and the area outside in m² and as a share', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const before = await checksum(tx);
      const file = fc(
        // 1,000 km east of A: wholly outside, 1.07 km² on the ground, measured in the city's UTM 51N
        // whose meridian (123°E) lies 8° away: areas there scale by about 1.014, so about 1,084,500 m²
        feature(
          { type: 'Polygon', coordinates: square(131, 30, 131.01, 30.01) },
          { code: 'FX-FAR', name: 'far', townshipCode: 'FX-A' },
        ),
        // a B cell reaching 0.01° into A: a third of its 0.03° x 0.01°, about 1,069,600 m²
        feature(
          { type: 'Polygon', coordinates: square(121.09, 30, 121.12, 30.01) },
          { code: 'FX-B-X', name: 'x', townshipCode: 'FX-B' },
        ),
        // inside B: fine on its own, refused with the file
        feature(
          { type: 'MultiPolygon', coordinates: [square(121.3, 30.0, 121.31, 30.01)] },
          { code: 'FX-B-OK', name: 'ok', townshipCode: 'FX-B' },
        ),
      );
      const res = await upload(admin, 'grid-cells', file);
      expect(res.status).toBe(422);
      const errors = (await bodyOf<ProblemDetails>(res)).errors ?? [];
      expect(errors.map((e) => [e['feature' as 'path'], e['column' as 'path'], e['reason' as 'path']])).toEqual([
        [0, 'geometry', 'outside_township'],
        [1, 'geometry', 'outside_township'],
      ]);
      expect(errors[0]!.message).toMatch(
        /^grid cell "FX-FAR" lies outside its township "FX-A": 108\d{4}\.\d m² outside \(100\.00 % of the cell; at most 1 % and 500 m² may be\)$/,
      );
      expect(errors[1]!.message).toMatch(
        /^grid cell "FX-B-X" lies outside its township "FX-B": 10[67]\d{4}\.\d m² outside \(33\.33 % of the cell/,
      );
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('imports reference points keyed by source and external id, dropping a height ordinate', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const points = fc(
        feature(
          { type: 'Point', coordinates: [121.021, 30.021] },
          { source: 'osm', externalId: 123, name: '便利店', category: 'shop=convenience' },
        ),
        feature({ type: 'Point', coordinates: [121.03, 30.03, 12.5] }, { externalId: 'x-9' }),
      );
      expect(await (await upload(admin, 'reference-points', points)).json()).toEqual({ inserted: 2, updated: 0 });
      expect(await (await upload(admin, 'reference-points', points)).json()).toEqual({ inserted: 0, updated: 2 });
      const rows = await tx.query<{ source: string; external_id: string }>(
        'SELECT source, external_id FROM reference_points ORDER BY external_id',
      );
      expect(rows).toEqual([
        { source: 'osm', external_id: '123' },
        { source: 'import', external_id: 'x-9' },
      ]);
    });
  });

  it('refuses a self-intersecting polygon, out-of-range coordinates, wrong geometry types and bad properties, naming each feature', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const before = await checksum(tx);
      const file = fc(
        TOWNSHIP_C,
        feature(BOW_TIE, { code: 'FX-D', name: '蝴蝶', nameEn: 'Bow tie', kind: 'town' }),
        feature(
          { type: 'Polygon', coordinates: square(181, 30, 182, 31) },
          { code: 'FX-E', name: 'e', nameEn: 'e', kind: 'town' },
        ),
        feature({ type: 'Point', coordinates: [121, 30] }, { code: 'FX-F', name: 'f', nameEn: 'f', kind: 'town' }),
        feature(
          { type: 'Polygon', coordinates: square(121.6, 30, 121.7, 30.1) },
          { code: 'bad code!', name: 'g', nameEn: 'g', kind: 'city' },
        ),
      );
      const res = await upload(admin, 'townships', file);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      const errors = (await bodyOf<ProblemDetails>(res)).errors ?? [];
      const byFeature = (i: number) =>
        errors
          .filter((e) => e['feature' as 'path'] === (i as unknown as string))
          .map((e) => e.message)
          .join(' | ');
      expect(byFeature(1)).toMatch(/invalid geometry: Self-intersection/);
      expect(byFeature(2)).toBe('longitude 181 is outside -180..180');
      expect(byFeature(3)).toBe('geometry type Point is not allowed here; use Polygon or MultiPolygon');
      expect(byFeature(4)).toContain('code must be 1-32 letters');
      expect(byFeature(4)).toContain('kind must be one of subdistrict, town, development_zone');
      expect(byFeature(0)).toBe('');
      expect(errors.map((e) => [e['feature' as 'path'], e['reason' as 'path']])).toEqual([
        [1, 'invalid_geometry'],
        [2, 'bad_geometry'],
        [3, 'bad_geometry'],
        [4, 'bad_format'],
        [4, 'unknown_value'],
      ]);
      // the report names features, not lines
      const report = await admin.request(
        String((await bodyOf<ProblemDetails>(await upload(admin, 'townships', file))).errorsCsv),
      );
      const [header, first] = (await report.text()).split('\r\n');
      expect(header).toBe('feature,column,reason,message');
      expect(first).toMatch(/^1,geometry,invalid_geometry,invalid geometry: Self-intersection/);
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('refuses a grid cell of an unknown township, malformed JSON and a body that is not a FeatureCollection', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const cell = feature(
        { type: 'Polygon', coordinates: square(121.3, 30.0, 121.35, 30.05) },
        { code: 'X-1', name: 'x', townshipCode: 'NOPE', workerUsername: 'ghost' },
      );
      const unknown = await bodyOf<ProblemDetails>(await upload(admin, 'grid-cells', fc(cell)));
      expect(unknown.status).toBe(422);
      expect(unknown.errors?.map((e) => e.message)).toEqual([
        'no township has code "NOPE"',
        'no user is named "ghost"',
      ]);
      const malformed = await upload(admin, 'townships', '{"type": "FeatureCollection", ');
      expect(malformed.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(malformed)).detail).toContain('not valid JSON');
      const notFc = await bodyOf<ProblemDetails>(await upload(admin, 'townships', '{"type": "Feature"}'));
      expect(notFc.status).toBe(422);
      expect(notFc.detail).toContain('must be a GeoJSON FeatureCollection');
      expect((await upload(admin, 'townships', fc(TOWNSHIP_C), 'text/csv')).status).toBe(415);
    });
  });
});
