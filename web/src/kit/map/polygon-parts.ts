// One deck.gl PolygonLayer datum per polygon of a Polygon or MultiPolygon feature: PolygonLayer
// draws one polygon per datum, and a grid cell may have several parts (split by a river). Each
// part keeps its feature's properties, so picking any part of a cell answers that cell.
import type { MultiPolygon, Polygon, Position } from '@svm/contract';

export interface PolygonPart<P> {
  properties: P;
  /** the outer ring, then the holes */
  polygon: Position[][];
}

/** The polygons of a Polygon (one) or a MultiPolygon (each of its parts). */
export const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

// keyed by the features array (a query's data, stable while it is), then by the caller's subset
// name, so a layer built again on every render keeps the same data array and deck.gl does no work
const cache = new WeakMap<object, Map<string, PolygonPart<unknown>[]>>();

/**
 * The parts of the features, memoised per features array and subset: `subset` names the filter
 * (the same name must always mean the same filter), e.g. 'unpatrolled'.
 */
export function polygonParts<P>(
  features: readonly { geometry: Polygon | MultiPolygon; properties: P }[],
  subset = 'all',
  keep: (properties: P) => boolean = () => true,
): PolygonPart<P>[] {
  let bySubset = cache.get(features);
  if (!bySubset) cache.set(features, (bySubset = new Map()));
  let parts = bySubset.get(subset) as PolygonPart<P>[] | undefined;
  if (!parts) {
    parts = features
      .filter((f) => keep(f.properties))
      .flatMap((f) => polygonsOf(f.geometry).map((polygon) => ({ properties: f.properties, polygon })));
    bySubset.set(subset, parts);
  }
  return parts;
}
