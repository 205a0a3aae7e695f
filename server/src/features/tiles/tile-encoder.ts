// Encodes features already in tile coordinates as a Mapbox Vector Tile with @maplibre/vt-pbf:
// the path used where PostGIS cannot (PGlite has no protobuf-c, so no ST_AsMVT).
import { fromVectorTileJs, GeoJSONWrapper, type Feature } from '@maplibre/vt-pbf';
import type { TileFeatureRow } from './tiles.queries.ts';

type Pair = [number, number];
type TileGeometry =
  | { type: 'Point'; coordinates: Pair }
  | { type: 'MultiPoint'; coordinates: Pair[] }
  | { type: 'LineString'; coordinates: Pair[] }
  | { type: 'MultiLineString'; coordinates: Pair[][] }
  | { type: 'Polygon'; coordinates: Pair[][] }
  | { type: 'MultiPolygon'; coordinates: Pair[][][] };

/** GeoJSON (tile units) to the vt-pbf feature form: points as one list, lines and rings as lists
 *  of rings; a multipolygon's rings follow each other, exteriors told apart by their winding. */
function toFeature(row: TileFeatureRow): Feature | null {
  // ST_AsGeoJSON of the quantised geometry built by tileFeaturesForEncoder
  const g = JSON.parse(row.tile_geom) as TileGeometry;
  const base = { id: row.fid, tags: row.props };
  switch (g.type) {
    case 'Point':
      return { ...base, type: 1, geometry: [g.coordinates] };
    case 'MultiPoint':
      return { ...base, type: 1, geometry: g.coordinates };
    case 'LineString':
      return { ...base, type: 2, geometry: [g.coordinates] };
    case 'MultiLineString':
      return { ...base, type: 2, geometry: g.coordinates };
    case 'Polygon':
      return { ...base, type: 3, geometry: g.coordinates };
    case 'MultiPolygon':
      return { ...base, type: 3, geometry: g.coordinates.flat() };
    default:
      return null;
  }
}

export function encodeTile(layerName: string, rows: TileFeatureRow[], extent: number): Uint8Array {
  const features = rows.map(toFeature).filter((f): f is Feature => f !== null);
  if (features.length === 0) return new Uint8Array();
  const layer = new GeoJSONWrapper(features, { version: 2, extent });
  layer.name = layerName;
  return fromVectorTileJs({ layers: { [layerName]: layer } });
}
