// The city's layout in a local kilometre frame: outline, township centres, commercial
// centres, rebound hotspots and the street network. Pure and deterministic from the seed.
import { Random } from './random.ts';
import { SUBDISTRICT_NAMES, TOWN_NAMES, streetName } from './names.ts';

/** A real location in eastern China (the Yinzhou plain south of Ningbo). */
export const ORIGIN = { lon: 121.55, lat: 29.82 } as const;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN.lat * Math.PI) / 180);

export type Xy = readonly [number, number];
export type TownshipKind = 'subdistrict' | 'town' | 'development_zone';

export function toLonLat([x, y]: Xy): Xy {
  return [ORIGIN.lon + x / KM_PER_DEG_LON, ORIGIN.lat + y / KM_PER_DEG_LAT];
}

export interface TownshipPlan {
  index: number;
  code: string;
  name: string;
  nameEn: string;
  kind: TownshipKind;
  centre: Xy;
  ring: 'core' | 'inner' | 'outer';
  streetAngle: number;
}

export interface Centre {
  at: Xy;
  radiusKm: number;
  weight: number;
  township: number;
}

export interface StreetPlan {
  name: string;
  klass: 'arterial' | 'secondary' | 'local';
  points: Xy[];
}

export interface CityPlan {
  outline: Xy[];
  townships: TownshipPlan[];
  centres: Centre[];
  hotspots: { at: Xy; radiusKm: number }[];
  streets: StreetPlan[];
}

const RADIUS_KM = 17;

function makeOutline(rng: Random): Xy[] {
  const p = [rng.uniform(0, 6.28), rng.uniform(0, 6.28), rng.uniform(0, 6.28)];
  const out: Xy[] = [];
  for (let i = 0; i < 96; i++) {
    const t = (i / 96) * 2 * Math.PI;
    const r =
      RADIUS_KM *
      (1 + 0.13 * Math.sin(2 * t + p[0]!) + 0.07 * Math.sin(5 * t + p[1]!) + 0.03 * Math.sin(11 * t + p[2]!));
    out.push([r * Math.cos(t) * 1.15, r * Math.sin(t) * 0.9]);
  }
  return out;
}

export function insidePolygon([x, y]: Xy, poly: readonly Xy[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function distanceToPolyline([x, y]: Xy, line: readonly Xy[], closed: boolean): number {
  let best = Infinity;
  const n = closed ? line.length : line.length - 1;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = line[i]!;
    const [bx, by] = line[(i + 1) % line.length]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy || 1e-12;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

function placeCentres(
  rng: Random,
  outline: Xy[],
  count: number,
  rMin: number,
  rMax: number,
  spacing: number,
  taken: Xy[],
): Xy[] {
  const out: Xy[] = [];
  for (let tries = 0; out.length < count && tries < 20000; tries++) {
    const r = rng.uniform(rMin, rMax);
    const a = rng.uniform(0, 2 * Math.PI);
    const p: Xy = [r * Math.cos(a) * 1.1, r * Math.sin(a) * 0.9];
    if (!insidePolygon(p, outline) || distanceToPolyline(p, outline, true) < 2) continue;
    if ([...taken, ...out].some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < spacing)) continue;
    out.push(p);
  }
  return out;
}

function wobblyLine(rng: Random, from: Xy, to: Xy, amplitude: number, stepKm: number): Xy[] {
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const n = Math.max(2, Math.ceil(len / stepKm));
  const nx = -(to[1] - from[1]) / len;
  const ny = (to[0] - from[0]) / len;
  const phase = rng.uniform(0, 6.28);
  const waves = rng.uniform(0.5, 1.5);
  const pts: Xy[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const off = amplitude * Math.sin(phase + t * waves * Math.PI * 2);
    pts.push([from[0] + t * (to[0] - from[0]) + nx * off, from[1] + t * (to[1] - from[1]) + ny * off]);
  }
  return pts;
}

/** A rotated grid of straight streets around a centre. */
function streetGrid(
  rng: Random,
  centre: Xy,
  halfKm: number,
  spacingKm: number,
  angle: number,
  klass: StreetPlan['klass'],
  names: { n: number },
): StreetPlan[] {
  const out: StreetPlan[] = [];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const rot = (u: number, v: number): Xy => [centre[0] + u * c - v * s, centre[1] + u * s + v * c];
  for (let k = -halfKm; k <= halfKm + 1e-9; k += spacingKm) {
    const j = rng.uniform(-0.15, 0.15) * spacingKm;
    const a = halfKm * rng.uniform(0.7, 1);
    const b = halfKm * rng.uniform(0.7, 1);
    out.push({ name: streetName(rng, klass, names.n++), klass, points: [rot(-a, k + j), rot(b, k + j)] });
    out.push({ name: streetName(rng, klass, names.n++), klass, points: [rot(k + j, -a), rot(k + j, b)] });
  }
  return out;
}

export function planCity(seed: number): CityPlan {
  const rng = new Random(seed, 1);
  const outline = makeOutline(rng);
  const core = placeCentres(rng, outline, 8, 0, 6, 2.6, []);
  const inner = placeCentres(rng, outline, 6, 6.5, 11, 4.5, core);
  const outer = placeCentres(rng, outline, 6, 11, 17, 6, [...core, ...inner]);
  const seeds = [...core, ...inner, ...outer];
  // the port zone takes the easternmost outer centre, the high-tech zone the westernmost inner one
  const portIdx = core.length + inner.length + outer.reduce((best, p, i, all) => (p[0] > all[best]![0] ? i : best), 0);
  const techIdx = core.length + inner.reduce((best, p, i, all) => (p[0] < all[best]![0] ? i : best), 0);
  let subdistrict = 0;
  let town = 0;
  const townships: TownshipPlan[] = seeds.map((centre, index) => {
    const ring = index < core.length ? 'core' : index < core.length + inner.length ? 'inner' : 'outer';
    let name: string;
    let nameEn: string;
    let kind: TownshipKind;
    if (index === portIdx) [name, nameEn, kind] = ['临港开发区', 'Port Development Zone', 'development_zone'];
    else if (index === techIdx) [name, nameEn, kind] = ['高新技术产业开发区', 'High-tech Zone', 'development_zone'];
    else {
      const isTown = ring === 'outer';
      const entry = (isTown ? TOWN_NAMES[town++] : SUBDISTRICT_NAMES[subdistrict++])!;
      [name, nameEn, kind] = [
        entry[0],
        `${entry[1]} ${isTown ? 'Town' : 'Subdistrict'}`,
        isTown ? 'town' : 'subdistrict',
      ];
    }
    return {
      index,
      code: `T${String(index + 1).padStart(2, '0')}`,
      name,
      nameEn,
      kind,
      centre,
      ring,
      streetAngle: rng.uniform(-0.35, 0.35),
    };
  });

  const centres: Centre[] = townships.map((t) => ({
    at: t.centre,
    radiusKm: t.ring === 'core' ? 1.2 : 0.9,
    weight: t.ring === 'core' ? 3 : t.kind === 'development_zone' ? 2 : t.ring === 'inner' ? 1.6 : 1,
    township: t.index,
  }));
  for (const at of placeCentres(rng, outline, 12, 0, 15, 2.2, seeds)) {
    const r = Math.hypot(at[0], at[1]);
    const nearest = townships.reduce((b, t) =>
      Math.hypot(t.centre[0] - at[0], t.centre[1] - at[1]) < Math.hypot(b.centre[0] - at[0], b.centre[1] - at[1])
        ? t
        : b,
    );
    centres.push({ at, radiusKm: 0.6, weight: r < 7 ? 1.6 : 0.8, township: nearest.index });
  }

  // rebounds come back in a few places: dense old streets in the core, the port's warehouses
  const hotspots = [
    ...centres.slice(0, 3).map((c) => ({ at: [c.at[0] + 0.3, c.at[1] - 0.2] as Xy, radiusKm: 0.45 })),
    { at: townships[portIdx]!.centre, radiusKm: 0.6 },
    { at: centres[centres.length - 1]!.at, radiusKm: 0.4 },
  ];

  const names = { n: 0 };
  const streets: StreetPlan[] = [];
  const span = RADIUS_KM * 1.4;
  for (const y of [-11, -4.5, 1.5, 8]) {
    streets.push({
      name: streetName(rng, 'arterial', names.n++),
      klass: 'arterial',
      points: wobblyLine(rng, [-span * 1.2, y + rng.uniform(-1, 1)], [span * 1.2, y + rng.uniform(-1, 1)], 0.9, 0.8),
    });
  }
  for (const x of [-13, -5, 2, 10]) {
    streets.push({
      name: streetName(rng, 'arterial', names.n++),
      klass: 'arterial',
      points: wobblyLine(rng, [x + rng.uniform(-1, 1), -span], [x + rng.uniform(-1, 1), span], 0.9, 0.8),
    });
  }
  const ring: Xy[] = [];
  for (let i = 0; i <= 64; i++) {
    const t = (i / 64) * 2 * Math.PI;
    ring.push([7 * Math.cos(t) * 1.1, 7 * Math.sin(t) * 0.92]);
  }
  streets.push({ name: '环城大道', klass: 'arterial', points: ring });
  for (const t of townships) {
    const half = t.ring === 'core' ? 2 : t.ring === 'inner' ? 2.8 : 3.6;
    streets.push(...streetGrid(rng, t.centre, half, t.ring === 'core' ? 0.7 : 1.0, t.streetAngle, 'secondary', names));
  }
  for (const c of centres) {
    const angle = townships[c.township]!.streetAngle;
    streets.push(...streetGrid(rng, c.at, c.radiusKm * 1.4, 0.2, angle, 'local', names));
  }
  return { outline, townships, centres, hotspots, streets };
}

/** Relative venue density at a point: commercial centres over a thin background. */
export function density(plan: CityPlan, [x, y]: Xy): number {
  let d = 0.04;
  for (const c of plan.centres) {
    const r2 = (c.at[0] - x) ** 2 + (c.at[1] - y) ** 2;
    d += c.weight * Math.exp(-r2 / (2 * c.radiusKm * c.radiusKm));
  }
  return d;
}
