// Distances on the sphere, written independently of PostGIS, so tests can check figures the database
// computes in its own metric projection. The mean Earth radius is within 0.5 % of the spheroid's
// radii of curvature, far inside the margins the tests leave (290 m against 300 m, 28 m against 30 m).
export type LonLat = readonly [number, number];

const R = 6_371_008.8;
const rad = Math.PI / 180;

/** Great-circle distance in metres. */
export function haversine([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `metres` from `from` along the great circle leaving it at `bearing` degrees (0 north, 90 east). */
export function destination([lon, lat]: LonLat, bearing: number, metres: number): [number, number] {
  const d = metres / R;
  const b = bearing * rad;
  const phi1 = lat * rad;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(b));
  const lam2 =
    lon * rad + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(phi1), Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
  return [lam2 / rad, phi2 / rad];
}

/** The point `east` metres east, then `north` metres north of `from` (negative: west, south). */
export const offset = (from: LonLat, east: number, north: number) =>
  destination(destination(from, east >= 0 ? 90 : 270, Math.abs(east)), north >= 0 ? 0 : 180, Math.abs(north));
