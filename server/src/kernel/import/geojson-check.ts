// Shape checks of an imported GeoJSON FeatureCollection, done in JS before the database sees
// it: the geometry type each layer wants, [lon, lat] positions in range, closed rings.
import type { ImportErrors } from './import-errors.ts';
import { importProgress } from './progress.ts';

export type GeometryKind = 'Point' | 'Polygon' | 'PolygonOrMulti';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function positionProblem(p: unknown): string | null {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    p.length > 3 ||
    !p.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return 'a position must be [lon, lat] with two finite numbers';
  }
  const [lon, lat] = p as number[];
  if (lon! < -180 || lon! > 180) return `longitude ${lon} is outside -180..180`;
  if (lat! < -90 || lat! > 90) return `latitude ${lat} is outside -90..90`;
  return null;
}

function ringsProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon needs at least one ring';
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return 'a polygon ring needs at least 4 positions';
    for (const p of ring) {
      const bad = positionProblem(p);
      if (bad) return bad;
    }
    const [a, z] = [ring[0] as number[], ring[ring.length - 1] as number[]];
    if (a[0] !== z[0] || a[1] !== z[1]) return 'a polygon ring must end where it starts';
  }
  return null;
}

function geometryProblem(g: unknown, kind: GeometryKind): string | null {
  if (!isObject(g)) return 'geometry is missing';
  const wanted = kind === 'PolygonOrMulti' ? ['Polygon', 'MultiPolygon'] : [kind];
  if (typeof g.type !== 'string' || !wanted.includes(g.type))
    return `geometry type ${String(g.type)} is not allowed here; use ${wanted.join(' or ')}`;
  if (g.type === 'Point') return positionProblem(g.coordinates);
  if (g.type === 'Polygon') return ringsProblem(g.coordinates);
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'a MultiPolygon needs at least one polygon';
  for (const polygon of g.coordinates) {
    const bad = ringsProblem(polygon);
    if (bad) return bad;
  }
  return null;
}

export interface CheckedFeature {
  index: number;
  /** the geometry as GeoJSON text for ST_GeomFromGeoJSON */
  geometry: string;
  properties: Record<string, unknown>;
}

/** The features that passed the shape checks; every failure is recorded with its index. */
export function checkedFeatures(body: unknown, kind: GeometryKind, errors: ImportErrors): CheckedFeature[] {
  if (!isObject(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    errors.add({
      reason: 'not_a_feature_collection',
      message: 'the body must be a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}',
    });
    return [];
  }
  if (body.features.length === 0)
    errors.add({ reason: 'no_features', message: 'the FeatureCollection has no features' });
  const progress = importProgress();
  if (progress) progress.total = body.features.length;
  const out: CheckedFeature[] = [];
  body.features.forEach((f: unknown, index) => {
    progress?.read(1);
    if (!isObject(f) || f.type !== 'Feature')
      return errors.add({ feature: index, reason: 'not_a_feature', message: 'must be a GeoJSON Feature' });
    const bad = geometryProblem(f.geometry, kind);
    if (bad) return errors.add({ feature: index, column: 'geometry', reason: 'bad_geometry', message: bad });
    out.push({ index, geometry: JSON.stringify(f.geometry), properties: isObject(f.properties) ? f.properties : {} });
  });
  progress?.enter('checking');
  return out;
}
