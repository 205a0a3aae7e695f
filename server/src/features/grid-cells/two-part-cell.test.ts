// A grid cell of two parts, split by a river, through every read that draws or counts cells:
// the cell list and detail, the unpatrolled and coverage blind spots, and the vector tiles.
import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { BlindSpotsDto, GridCellCollection, GridCellDetailDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { decodeLayer, sameVertices, signedArea, tileOf, toTileUnits } from '../../testing/tiles.ts';

//  30.10 +-----------+~~~~~+-----------+
//        |  R-1 west | riv |  R-1 east |   township R: 121.000-121.100°E, 30.00-30.10°N
//        |    vW     | vR  |     vE    |   the river 121.045-121.055°E is in R but in no cell
//  30.00 +-----------+~~~~~+-----------+
//     121.000     121.045 121.055   121.100
const rect = (x0: number, x1: number) => `((${x0} 30, ${x1} 30, ${x1} 30.1, ${x0} 30.1, ${x0} 30))`;

async function riverCity(tx: Queryable) {
  const [t] = await tx.query<{ id: number }>(
    `INSERT INTO townships (code, name, name_en, kind, geom)
     VALUES ('RV', '河口街道', 'River Mouth', 'subdistrict', ST_GeomFromText('MULTIPOLYGON(${rect(121, 121.1)})', 4326)) RETURNING id`,
  );
  const [w] = await tx.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, township_id) VALUES ('rv_wang', '王五', 'grid_worker', $1) RETURNING id`,
    [t!.id],
  );
  const [cell] = await tx.query<{ id: number }>(
    `INSERT INTO grid_cells (code, name, township_id, worker_id, geom)
     VALUES ('RV-1', '河口一网格', $1, $2, ST_GeomFromText('MULTIPOLYGON(${rect(121, 121.045)}, ${rect(121.055, 121.1)})', 4326))
     RETURNING id`,
    [t!.id, w!.id],
  );
  const venue = async (name: string, lon: number) =>
    (
      await tx.query<{ id: number; grid_cell_id: number | null }>(
        `INSERT INTO venues (name, category, risk_level, registered_at, geom)
         VALUES ($1, 'retail', 'low', '2026-01-01T00:00:00Z', ST_SetSRID(ST_MakePoint($2, 30.05), 4326))
         RETURNING id, grid_cell_id`,
        [name, lon],
      )
    )[0]!;
  const vW = await venue('vW', 121.02);
  const vR = await venue('vR', 121.05);
  const vE = await venue('vE', 121.08);
  // the east part is patrolled on 11-27 08:00; the west part's venue never (low: due every 30 days)
  await tx.query(
    `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, '2026-11-27T08:00:00Z', 'ok')`,
    [vE.id, w!.id],
  );
  return { township: t!.id, cell: cell!.id, vW, vR, vE };
}

/** Area of a lon/lat rectangle on a sphere of the mean Earth radius (within ~0.5 % of the spheroid). */
const sphereArea = (lon0: number, lat0: number, lon1: number, lat1: number) => {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  return r * r * (lon1 - lon0) * rad * (Math.sin(lat1 * rad) - Math.sin(lat0 * rad));
};

const AS_OF = '2026-11-30T12:00:00Z';
// 13 days after the patrol: past the weekly duty
const LATER = '2026-12-10T12:00:00Z';

describe('a grid cell of two parts split by a river', () => {
  it('holds the venues of both parts and none in the river', async () => {
    await rolledBack(async (tx) => {
      const f = await riverCity(tx);
      expect([f.vW.grid_cell_id, f.vR.grid_cell_id, f.vE.grid_cell_id]).toEqual([f.cell, null, f.cell]);
    });
  });

  it('lists the cell once, as a MultiPolygon of both parts, counting both parts’ venues', async () => {
    await rolledBack(async (tx) => {
      const f = await riverCity(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<GridCellCollection>(await app.request(`/api/grid-cells?asOf=${AS_OF}`));
      expect(body.features).toHaveLength(1);
      const cell = body.features[0]!;
      expect(cell.geometry.type).toBe('MultiPolygon');
      expect(cell.geometry.coordinates.map((p) => p[0]![0]![0])).toEqual([121, 121.055]);
      // vW and vE are in it (not vR); vW never patrolled since January is overdue, vE patrolled 3 days ago is not
      expect(cell.properties).toMatchObject({
        id: f.cell,
        daysSincePatrol: 3,
        unpatrolled: false,
        venueCount: 2,
        overdueVenueCount: 1,
        overdueShare: 0.5,
      });
      const detail = await bodyOf<GridCellDetailDto>(await app.request(`/api/grid-cells/${f.cell}?asOf=${AS_OF}`));
      expect(detail.cell.geometry.coordinates).toHaveLength(2);
      expect(detail.overdueVenues.map((v) => v.name)).toEqual(['vW']);
      // a bbox over the east part alone still finds the cell
      const east = await bodyOf<GridCellCollection>(
        await app.request(`/api/grid-cells?asOf=${AS_OF}&bbox=121.06,30.01,121.09,30.09`),
      );
      expect(east.features.map((x) => x.id)).toEqual([f.cell]);
    });
  });

  it('is unpatrolled as one cell once its only patrol is older than the weekly duty, and the river is the coverage gap', async () => {
    await rolledBack(async (tx) => {
      const f = await riverCity(tx);
      const { app } = await testApp(tx);
      const now = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}`));
      expect(now.unpatrolledCells.features).toEqual([]);
      const later = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${LATER}`));
      expect(later.unpatrolledCells.features.map((x) => [x.properties.id, x.properties.daysSincePatrol])).toEqual([
        [f.cell, 13],
      ]);
      expect(later.unpatrolledCells.features[0]!.geometry.type).toBe('MultiPolygon');
      // the river strip, 0.01° x 0.1° (about 10.7 km²), is the one part of R no cell covers
      expect(later.coverageGaps.features).toHaveLength(1);
      const expected = sphereArea(121.045, 30, 121.055, 30.1);
      expect(Math.abs(later.coverageGaps.features[0]!.properties.areaM2 - expected) / expected).toBeLessThan(0.005);
    });
  });

  it('is one tile feature with two exterior rings, one per part, at their hand-projected corners', async () => {
    await rolledBack(async (tx) => {
      const f = await riverCity(tx);
      const { app } = await testApp(tx);
      const z10 = tileOf(121.05, 30.05, 10);
      const res = await app.request(`/api/tiles/grid-cells/${z10.z}/${z10.x}/${z10.y}.mvt?asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const features = decodeLayer(new Uint8Array(await res.arrayBuffer()), 'grid-cells');
      expect(features.map((x) => [x.id, x.type, x.properties['daysSincePatrol'], x.properties['unpatrolled']])).toEqual(
        [[f.cell, 3, 3, false]],
      );
      const rings = [...features[0]!.rings].sort((a, b) => a[0]![0] - b[0]![0]);
      expect(rings).toHaveLength(2);
      const corners = (x0: number, x1: number) =>
        (
          [
            [x0, 30],
            [x1, 30],
            [x1, 30.1],
            [x0, 30.1],
          ] as const
        ).map(([lon, lat]) => toTileUnits(lon, lat, z10.z, z10.x, z10.y));
      expect(sameVertices(rings[0]!, corners(121, 121.045))).toBe(true);
      expect(sameVertices(rings[1]!, corners(121.055, 121.1))).toBe(true);
      // both exteriors (positive area in tile space), so neither part is read as a hole of the other
      expect(rings.map((r) => signedArea(r) > 0)).toEqual([true, true]);
    });
  });
});
