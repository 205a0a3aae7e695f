// The extent of GeoJSON features, for fitting the map and asking for context layers.
import type { Bbox, Geometry } from '@svm/contract';

type Nested = number | Nested[];

function visit(coords: Nested, box: Bbox): void {
  if (typeof coords === 'number') return;
  const [x, y] = coords;
  if (typeof x === 'number' && typeof y === 'number') {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
    return;
  }
  for (const inner of coords) visit(inner, box);
}

/** The bbox of all geometries, widened to 4 decimals (about 10 m) so it is a stable query key; null when empty. */
export function boundsOf(features: readonly { geometry: Geometry }[]): Bbox | null {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) visit(f.geometry.coordinates, box);
  if (!Number.isFinite(box[0])) return null;
  const down = (v: number) => Math.floor(v * 1e4) / 1e4;
  const up = (v: number) => Math.ceil(v * 1e4) / 1e4;
  return [down(box[0]), down(box[1]), up(box[2]), up(box[3])];
}
