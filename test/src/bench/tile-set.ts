// The fixed random set of tiles the benchmark asks for: about 200 distinct tiles at z10, z12
// and z14 where the city is (every z10 tile over the townships' extent; z12 and z14 tiles under
// venues picked by a seeded PRNG, so busy areas are asked for as often as a map user would).
import type { Queryable } from '@svm/db';
import { prng } from './measure.ts';

export interface Tile {
  z: number;
  x: number;
  y: number;
}

export function tileOf(lon: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

export const tileKey = (t: Tile) => `${t.z}/${t.x}/${t.y}`;

/** ~`total` distinct tiles: all z10 tiles of the city (at most 20), then z12 (30%) and z14 (the rest). */
export async function cityTiles(db: Queryable, seed: number, total = 200): Promise<Tile[]> {
  const [ext] = await db.query<{ x0: number; y0: number; x1: number; y1: number; n: number }>(`
    SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1, (SELECT max(id) FROM venues) AS n
      FROM (SELECT ST_Extent(geom)::geometry AS e FROM townships) t`);
  if (!ext) throw new Error('bench: the city has no townships');
  const tiles: Tile[] = [];
  const seen = new Set<string>();
  const add = (t: Tile) => {
    if (seen.has(tileKey(t))) return false;
    seen.add(tileKey(t));
    tiles.push(t);
    return true;
  };
  const a = tileOf(ext.x0, ext.y1, 10);
  const b = tileOf(ext.x1, ext.y0, 10);
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) if (tiles.length < 20) add({ z: 10, x, y });
  const random = prng(seed);
  const want = { 12: Math.round((total - tiles.length) * 0.3), 14: 0 };
  want[14] = total - tiles.length - want[12];
  for (const z of [12, 14] as const) {
    let found = 0;
    for (let attempt = 0; found < want[z] && attempt < 50; attempt++) {
      const ids = Array.from({ length: want[z] * 2 }, () => 1 + Math.floor(random() * ext.n));
      const rows = await db.query<{ id: number; lon: number; lat: number }>(
        'SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM venues WHERE id = ANY ($1::int[])',
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const v = byId.get(id);
        if (v && found < want[z] && add(tileOf(v.lon, v.lat, z))) found++;
      }
    }
  }
  return tiles;
}
