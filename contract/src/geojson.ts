// GeoJSON DTOs (RFC 7946) as the API sends them: coordinates are [lon, lat] in EPSG:4326.
export type Position = [lon: number, lat: number];

export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type Geometry = LineString | Polygon | MultiPolygon;

export interface Feature<G extends Geometry, P> {
  type: 'Feature';
  id: number;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G extends Geometry, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

/** [minLon, minLat, maxLon, maxLat] */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];
