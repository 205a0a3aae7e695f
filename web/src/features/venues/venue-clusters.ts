// Venue counts for zooms too far out for single points: one bubble per township below
// TOWNSHIP_CLUSTER_MAX_ZOOM, one per grid cell up to the zoom where the venue points appear,
// each at its polygon's area centroid. The programme's own units (township, grid cell) make
// better clusters than a screen grid: a count always means "venues in this area".
import type { Geometry, Position } from '@svm/contract';

export const TOWNSHIP_CLUSTER_MAX_ZOOM = 11;

export interface VenueCluster {
  key: string;
  position: Position;
  count: number;
}

/** Area-weighted centroid of the largest ring of a Polygon or MultiPolygon (shoelace formula). */
export function areaCentroid(geometry: Geometry): Position | null {
  const rings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0]]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((p) => p[0])
        : [];
  let best: { area: number; c: Position } | null = null;
  for (const ring of rings) {
    if (!ring || ring.length < 4) continue;
    let a = 0,
      cx = 0,
      cy = 0;
    for (let k = 0; k < ring.length - 1; k++) {
      const [x0 = 0, y0 = 0] = ring[k] ?? [];
      const [x1 = 0, y1 = 0] = ring[k + 1] ?? [];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (a === 0) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best.area) best = { area, c: [cx / (3 * a), cy / (3 * a)] };
  }
  return best?.c ?? null;
}

/** One bubble per area holding at least one venue. */
export function clustersOf(
  kind: 'township' | 'cell',
  features: readonly { geometry: Geometry; properties: { id: number; venueCount: number } }[],
): VenueCluster[] {
  const out: VenueCluster[] = [];
  for (const f of features) {
    if (f.properties.venueCount <= 0) continue;
    const position = areaCentroid(f.geometry);
    if (position) out.push({ key: `${kind}:${f.properties.id}`, position, count: f.properties.venueCount });
  }
  return out;
}
