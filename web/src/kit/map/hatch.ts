// Polygon hatching and dashed outlines as plain line segments, drawn by a deck.gl PathLayer
// (the fill-pattern and dash extensions are not installed). Works in lon/lat: at the city's
// latitude a degree of longitude is shorter, so x is scaled by cos(lat) before measuring.
type Ring = readonly (readonly number[])[];
export type Segment = [number, number][];

/** Diagonal (45°) hatch lines `spacingDeg` apart (in latitude degrees) inside the rings (even-odd, so holes stay clear). */
export function hatch(rings: readonly Ring[], spacingDeg: number): Segment[] {
  const first = rings[0]?.[0];
  if (!first || spacingDeg <= 0) return [];
  const k = Math.cos(((first[1] ?? 0) * Math.PI) / 180);
  // rotate into u = x + y, v = y - x (x scaled to metres-ish); hatch lines are v = const
  const edges: [number, number, number, number][] = [];
  let vMin = Infinity;
  let vMax = -Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const p = ring[i]!;
      const q = ring[i + 1]!;
      const x1 = p[0]! * k,
        y1 = p[1]!,
        x2 = q[0]! * k,
        y2 = q[1]!;
      edges.push([x1 + y1, y1 - x1, x2 + y2, y2 - x2]);
      vMin = Math.min(vMin, y1 - x1);
      vMax = Math.max(vMax, y1 - x1);
    }
  }
  const step = spacingDeg * Math.SQRT2;
  const out: Segment[] = [];
  for (let v = Math.ceil(vMin / step) * step; v <= vMax; v += step) {
    const us: number[] = [];
    for (const [u1, v1, u2, v2] of edges) {
      // half-open test so a vertex on the line counts once
      if ((v1 <= v && v < v2) || (v2 <= v && v < v1)) us.push(u1 + ((v - v1) / (v2 - v1)) * (u2 - u1));
    }
    us.sort((a, b) => a - b);
    for (let i = 0; i + 1 < us.length; i += 2) {
      const back = (u: number): [number, number] => [(u - v) / 2 / k, (u + v) / 2];
      out.push([back(us[i]!), back(us[i + 1]!)]);
    }
  }
  return out;
}

/** A ring's outline cut into dashes `dashDeg` long with gaps of the same length. */
export function dashes(ring: Ring, dashDeg: number): Segment[] {
  const first = ring[0];
  if (!first || dashDeg <= 0) return [];
  const k = Math.cos(((first[1] ?? 0) * Math.PI) / 180);
  const out: Segment[] = [];
  let on = true;
  let left = dashDeg;
  let current: Segment = [[first[0]!, first[1]!]];
  for (let i = 0; i + 1 < ring.length; i++) {
    let [x, y] = [ring[i]![0]!, ring[i]![1]!];
    const [x2, y2] = [ring[i + 1]![0]!, ring[i + 1]![1]!];
    let len = Math.hypot((x2 - x) * k, y2 - y);
    while (len > 1e-12) {
      const take = Math.min(left, len);
      const f = take / len;
      x += (x2 - x) * f;
      y += (y2 - y) * f;
      len -= take;
      left -= take;
      if (on) current.push([x, y]);
      if (left <= 1e-12) {
        if (on) out.push(current);
        on = !on;
        left = dashDeg;
        current = [[x, y]];
      }
    }
  }
  if (on && current.length > 1) out.push(current);
  return out;
}
