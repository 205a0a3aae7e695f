// Venues placed along the street network, denser in commercial centres, with a category mix
// that follows the zone (warehouses and workshops out in the development zones and towns).
import type { VenueCategory } from '@svm/contract/constants';
import {
  density,
  distanceToPolyline,
  insidePolygon,
  toLonLat,
  type CityPlan,
  type TownshipPlan,
  type Xy,
} from './city.ts';
import { personName, venueName } from './names.ts';
import { Random } from './random.ts';

export const DAY_MS = 86_400_000;

export interface VenuePlan {
  id: number;
  externalId: string;
  name: string;
  address: string;
  category: VenueCategory;
  registration: 'registered' | 'found_unregistered';
  occupancy: number;
  floorAreaM2: number;
  indoorEbikeCharging: boolean;
  chargingNearStock: boolean;
  flammablesStored: boolean;
  peopleLivingOnSite: boolean;
  registeredAt: number;
  closedAt: number | null;
  at: Xy;
  lonLat: Xy;
  operator: string;
  inHotspot: boolean;
}

const CORE_MIX: Record<VenueCategory, number> = {
  catering: 27,
  retail: 30,
  repair: 6,
  ebike: 6,
  entertainment: 8,
  warehouse: 2,
  workshop: 3,
  lodging: 6,
  training: 6,
  other: 6,
};
const OUTER_MIX: Record<VenueCategory, number> = {
  catering: 20,
  retail: 25,
  repair: 10,
  ebike: 9,
  entertainment: 4,
  warehouse: 9,
  workshop: 13,
  lodging: 3,
  training: 2,
  other: 5,
};
const ZONE_MIX: Record<VenueCategory, number> = {
  catering: 14,
  retail: 12,
  repair: 10,
  ebike: 8,
  entertainment: 2,
  warehouse: 24,
  workshop: 24,
  lodging: 3,
  training: 1,
  other: 2,
};

/** Probability of each fact by category: [indoor e-bike charging, charging next to stock, flammables, people living on site]. */
const FACTS: Record<VenueCategory, readonly [number, number, number, number]> = {
  ebike: [0.45, 0.3, 0.1, 0.12],
  workshop: [0.12, 0.05, 0.35, 0.22],
  warehouse: [0.08, 0.12, 0.3, 0.15],
  catering: [0.05, 0.0, 0.3, 0.1],
  retail: [0.08, 0.03, 0.06, 0.12],
  repair: [0.15, 0.05, 0.22, 0.08],
  entertainment: [0.04, 0.0, 0.05, 0.04],
  lodging: [0.1, 0.0, 0.03, 0.0],
  training: [0.03, 0.0, 0.02, 0.02],
  other: [0.05, 0.0, 0.08, 0.08],
};

const OCCUPANCY: Record<VenueCategory, readonly [number, number]> = {
  catering: [8, 60],
  retail: [3, 25],
  repair: [2, 12],
  ebike: [2, 10],
  entertainment: [15, 120],
  warehouse: [2, 20],
  workshop: [5, 40],
  lodging: [10, 90],
  training: [15, 80],
  other: [3, 20],
};

interface Segment {
  a: Xy;
  b: Xy;
  name: string;
}

function segments(plan: CityPlan): { segs: Segment[]; cumulative: Float64Array } {
  const segs: Segment[] = [];
  const weights: number[] = [];
  const classWeight = { arterial: 0.5, secondary: 1.2, local: 3 } as const;
  for (const s of plan.streets) {
    for (let i = 0; i + 1 < s.points.length; i++) {
      const a = s.points[i]!;
      const b = s.points[i + 1]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      // long arterial pieces are cut so density is sampled along them
      const parts = Math.max(1, Math.ceil(len / 0.25));
      for (let k = 0; k < parts; k++) {
        const p: Xy = [a[0] + ((b[0] - a[0]) * k) / parts, a[1] + ((b[1] - a[1]) * k) / parts];
        const q: Xy = [a[0] + ((b[0] - a[0]) * (k + 1)) / parts, a[1] + ((b[1] - a[1]) * (k + 1)) / parts];
        const mid: Xy = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
        if (!insidePolygon(mid, plan.outline)) continue;
        segs.push({ a: p, b: q, name: s.name });
        weights.push((len / parts) * classWeight[s.klass] * density(plan, mid));
      }
    }
  }
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cumulative[i] = sum += w));
  return { segs, cumulative };
}

function nearestTownship(plan: CityPlan, p: Xy): TownshipPlan {
  let best = plan.townships[0]!;
  let bestD = Infinity;
  for (const t of plan.townships) {
    const d = Math.hypot(t.centre[0] - p[0], t.centre[1] - p[1]);
    if (d < bestD) [best, bestD] = [t, d];
  }
  return best;
}

export interface VenueOptions {
  count: number;
  historyStart: number;
  referenceDate: number;
}

export function planVenues(plan: CityPlan, seed: number, opts: VenueOptions): VenuePlan[] {
  const rng = new Random(seed, 2);
  const { segs, cumulative } = segments(plan);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const out: VenuePlan[] = [];
  const numbers = new Map<string, number>();
  while (out.length < opts.count) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    const seg = segs[lo]!;
    const t = rng.next();
    const dx = seg.b[0] - seg.a[0];
    const dy = seg.b[1] - seg.a[1];
    const len = Math.hypot(dx, dy) || 1;
    const off = rng.uniform(0.012, 0.03) * (rng.chance(0.5) ? 1 : -1);
    const at: Xy = [seg.a[0] + dx * t - (dy / len) * off, seg.a[1] + dy * t + (dx / len) * off];
    // keep clear of the city edge so every venue falls inside a township
    if (!insidePolygon(at, plan.outline) || distanceToPolyline(at, plan.outline, true) < 0.08) continue;

    const township = nearestTownship(plan, at);
    const mix = township.kind === 'development_zone' ? ZONE_MIX : township.ring === 'core' ? CORE_MIX : OUTER_MIX;
    const category = rng.weighted(mix);
    const [pIndoor, pStock, pFlam, pLiving] = FACTS[category];
    const indoorEbikeCharging = rng.chance(pIndoor);
    const [oMin, oMax] = OCCUPANCY[category];
    const registration = rng.chance(0.035) ? 'found_unregistered' : 'registered';
    const span = opts.referenceDate - opts.historyStart;
    const registeredAt =
      registration === 'found_unregistered' || rng.chance(0.2)
        ? opts.historyStart + rng.uniform(0.02, 0.97) * span
        : opts.historyStart - rng.uniform(30, 1500) * DAY_MS;
    const closedAt =
      rng.chance(0.025) && opts.referenceDate - registeredAt > 90 * DAY_MS
        ? Math.max(registeredAt, opts.historyStart) +
          rng.uniform(0.2, 0.95) * (opts.referenceDate - Math.max(registeredAt, opts.historyStart))
        : null;
    const streetNo = (numbers.get(seg.name) ?? 0) + rng.int(1, 6);
    numbers.set(seg.name, streetNo);
    const id = out.length + 1;
    out.push({
      id,
      externalId: `V${String(id).padStart(7, '0')}`,
      name: venueName(rng, category),
      address: `${seg.name}${streetNo}号`,
      category,
      registration,
      occupancy: rng.int(oMin, oMax),
      floorAreaM2: rng.int(15, category === 'warehouse' || category === 'workshop' ? 600 : 200),
      indoorEbikeCharging,
      chargingNearStock:
        (category === 'ebike' || indoorEbikeCharging) && rng.chance(pStock + (indoorEbikeCharging ? 0.2 : 0)),
      flammablesStored: rng.chance(pFlam),
      peopleLivingOnSite: rng.chance(pLiving),
      registeredAt,
      closedAt,
      at,
      lonLat: toLonLat(at),
      operator: personName(rng),
      inHotspot: plan.hotspots.some((h) => Math.hypot(h.at[0] - at[0], h.at[1] - at[1]) < h.radiusKm),
    });
  }
  return out;
}

/**
 * Seed points for grid cells (lon/lat): mostly at venues, kept apart so no cell is tiny,
 * plus township centres and a sparse background so empty land is covered too.
 */
export function planCellSeeds(plan: CityPlan, venues: readonly VenuePlan[], seed: number, count: number): Xy[] {
  const rng = new Random(seed, 6);
  const out: Xy[] = plan.townships.map((t) => t.centre);
  const spacing = 0.12;
  const taken = new Set<string>();
  const key = (p: Xy) => `${Math.floor(p[0] / spacing)},${Math.floor(p[1] / spacing)}`;
  const p = (count * 0.94) / Math.max(1, venues.length);
  for (const v of venues) {
    if (!rng.chance(p) || taken.has(key(v.at))) continue;
    taken.add(key(v.at));
    out.push(v.at);
  }
  const [minX, maxX] = [Math.min(...plan.outline.map((q) => q[0])), Math.max(...plan.outline.map((q) => q[0]))];
  const [minY, maxY] = [Math.min(...plan.outline.map((q) => q[1])), Math.max(...plan.outline.map((q) => q[1]))];
  for (let added = 0, tries = 0; added < count * 0.06 && tries < count * 20; tries++) {
    const q: Xy = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
    if (!insidePolygon(q, plan.outline) || taken.has(key(q))) continue;
    taken.add(key(q));
    out.push(q);
    added++;
  }
  return out.map(toLonLat);
}
