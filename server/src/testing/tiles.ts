// Test helpers for tiles: decode a tile, project [lon, lat] into a tile's 0..4096 space, and
// compare ring geometry within a tolerance (two encoders may start a ring at different vertices).
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, number | string | boolean>;
  rings: [number, number][][];
}

export function decodeLayer(bytes: Uint8Array, layer: string): DecodedFeature[] {
  const tile = new VectorTile(new PbfReader(bytes));
  const l = tile.layers[layer];
  if (!l) return [];
  const out: DecodedFeature[] = [];
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i);
    out.push({
      id: f.id,
      type: f.type,
      properties: f.properties,
      rings: f.loadGeometry().map((r) => r.map((p) => [p.x, p.y])),
    });
  }
  return out.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

/** Web-mercator tile coordinates (0..4096, y down) of a point for tile z/x/y. */
export function toTileUnits(lon: number, lat: number, z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  const wx = ((lon + 180) / 360) * n;
  const rad = (lat * Math.PI) / 180;
  const wy = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return [(wx - x) * 4096, (wy - y) * 4096];
}

/** The tile holding [lon, lat] at zoom z. */
export function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const [ux, uy] = toTileUnits(lon, lat, z, 0, 0);
  return { z, x: Math.floor(ux / 4096), y: Math.floor(uy / 4096) };
}

/** Shoelace sum in tile units: positive for an exterior ring as MVT wants it (clockwise on screen). */
export function signedArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0] - ring[i]![0]) * (ring[i]![1] + ring[j]![1]);
  return sum;
}

/** Every vertex of a lies within `tol` of some vertex of b, and the other way round. */
export function sameVertices(a: [number, number][], b: [number, number][], tol = 1): boolean {
  const near = (p: [number, number], qs: [number, number][]) =>
    qs.some((q) => Math.abs(p[0] - q[0]) <= tol && Math.abs(p[1] - q[1]) <= tol);
  return a.every((p) => near(p, b)) && b.every((q) => near(q, a));
}
