// Patrol and hazard history of one venue, walked forward in time: patrols at the cadence its
// grade asks for (stretched in lazy cells, stopped in neglected ones), hazards found at
// category-dependent rates, each taken through its lifecycle up to the reference date.
import type { AcceptanceParty, HazardStatus, RiskLevel } from '@svm/contract/constants';
import type { Random } from './random.ts';
import { DAY_MS, type VenuePlan } from './venues.ts';
import { HAZARD_MIX, HAZARD_RATE, MAJOR } from './hazard-rates.ts';

const HOUR_MS = 3_600_000;
const LOCAL_OFFSET_MS = 8 * HOUR_MS;

export interface Actor {
  id: number | null;
  name: string;
}

export interface CellDuty {
  cellId: number;
  worker: Actor;
  /** >1 for lazy workers and cells covered by a substitute. */
  factor: number;
  /** Nobody patrols the cell after this time (neglected cells). */
  stopAt: number;
}

export interface VenueContext {
  venue: VenuePlan;
  level: RiskLevel;
  misgraded: boolean;
  duty: CellDuty;
  territorial: Actor;
  industry: { actor: Actor; slowness: number };
  special: Actor;
}

export interface HistoryRows {
  patrols: { id: number; venueId: number; cellId: number; workerId: number; at: number; result: string }[];
  hazards: {
    id: number;
    venueId: number;
    patrolId: number;
    type: string;
    severity: string;
    status: HazardStatus;
    foundAt: number;
    onSpot: boolean;
    person: string | null;
    phone: string | null;
    deadline: number | null;
    rectifiedAt: number | null;
    closedAt: number | null;
  }[];
  transitions: { hazardId: number; from: HazardStatus | null; to: HazardStatus; at: number; actor: Actor }[];
  acceptances: { hazardId: number; party: AcceptanceParty; passed: boolean; at: number; actor: Actor; note: string }[];
}

export interface Ids {
  patrol: number;
  hazard: number;
}

/** A moment in local working hours (08:30-17:30, UTC+8) on the day of `t`, mostly on weekdays. */
function workingTime(rng: Random, t: number): number {
  let day = Math.floor((t + LOCAL_OFFSET_MS) / DAY_MS);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if ((weekday === 0 || weekday === 6) && rng.chance(0.75)) day += weekday === 6 ? 2 : 1;
  return day * DAY_MS - LOCAL_OFFSET_MS + rng.uniform(8.5, 17.5) * HOUR_MS;
}

function phone(rng: Random): string {
  return `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

interface Pending {
  type: string;
  notBefore: number;
}

/** Appends one venue's patrols, hazards, transitions and acceptances (as of `referenceDate`) to `out`. */
export function venueHistory(
  rng: Random,
  ctx: VenueContext,
  cadenceDays: number,
  historyStart: number,
  referenceDate: number,
  ids: Ids,
  out: HistoryRows,
): void {
  const { venue, duty } = ctx;
  if (duty.worker.id === null) return;
  const end = Math.min(referenceDate, venue.closedAt ?? Infinity, duty.stopAt);
  const cadence = cadenceDays * DAY_MS;
  let t = venue.registeredAt >= historyStart ? venue.registeredAt : historyStart + rng.uniform(0, cadence);
  const unclosed = new Map<string, number>(); // type -> closing time (Infinity while open)
  const pending: Pending[] = [];
  const riskBoost = (ctx.misgraded ? 1.5 : 1) * (venue.inHotspot ? 1.6 : 1) * (venue.chargingNearStock ? 1.3 : 1);
  while (t <= end) {
    const at = venue.registration === 'found_unregistered' && t === venue.registeredAt ? t : workingTime(rng, t);
    if (at > end) break;
    const patrolId = ids.patrol++;
    let result = 'ok';
    const found: string[] = [];
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i]!;
      if (p.notBefore <= at && !found.includes(p.type)) {
        found.push(p.type);
        pending.splice(i, 1);
      }
    }
    if (found.length === 0 && rng.chance(HAZARD_RATE[venue.category] * riskBoost)) {
      for (let k = rng.chance(0.15) ? 2 : 1; k > 0; k--) {
        const type = rng.weighted(HAZARD_MIX[venue.category]);
        // a defect fixed recently mostly stays fixed; the ones that return are the hotspots' story
        const fixedAt = unclosed.get(type);
        if (fixedAt !== undefined && at - fixedAt < 180 * DAY_MS && rng.chance(0.85)) continue;
        found.push(type);
      }
    }
    for (const type of new Set(found)) {
      if ((unclosed.get(type) ?? 0) > at) continue; // the same defect is still being handled
      result = 'hazards_found';
      const closedAt = hazardLifecycle(rng, ctx, type, at, patrolId, referenceDate, ids, out);
      unclosed.set(type, closedAt ?? Infinity);
      if (closedAt !== null && rng.chance(venue.inHotspot ? 0.55 : 0.03)) {
        pending.push({ type, notBefore: closedAt + rng.uniform(15, 150) * DAY_MS });
      }
    }
    const closingVisit = venue.closedAt !== null && at + cadence * duty.factor > venue.closedAt;
    out.patrols.push({
      id: patrolId,
      venueId: venue.id,
      cellId: duty.cellId,
      workerId: duty.worker.id,
      at,
      result: closingVisit && result === 'ok' ? 'venue_closed' : result,
    });
    if (closingVisit) break;
    const stretch = rng.chance(0.06) ? rng.uniform(1.3, 2.0) : 1;
    t = at + cadence * duty.factor * rng.uniform(0.45, 0.9) * stretch;
  }
}

/** Writes one hazard and its history; returns its closing time if it closed by `referenceDate`. */
function hazardLifecycle(
  rng: Random,
  ctx: VenueContext,
  type: string,
  foundAt: number,
  patrolId: number,
  referenceDate: number,
  ids: Ids,
  out: HistoryRows,
): number | null {
  const id = ids.hazard++;
  const severity = MAJOR.has(type) ? 'major' : 'general';
  const worker = ctx.duty.worker;
  const events: { from: HazardStatus | null; to: HazardStatus; at: number; actor: Actor }[] = [
    { from: null, to: 'open', at: foundAt, actor: worker },
  ];
  const signs: { party: AcceptanceParty; passed: boolean; at: number; actor: Actor; note: string }[] = [];
  const onSpot = rng.chance(severity === 'general' ? 0.45 : 0.15);
  let person: string | null = null;
  let deadline: number | null = null;
  if (onSpot) {
    const fixed = foundAt + rng.uniform(5, 40) * 60_000;
    events.push({ from: 'open', to: 'rectified', at: fixed, actor: worker });
    signs.push({ party: 'on_the_spot', passed: true, at: fixed + 60_000, actor: worker, note: '当场整改' });
    events.push({ from: 'rectified', to: 'closed', at: fixed + 60_000, actor: worker });
  } else {
    person = ctx.venue.operator;
    const assigned = foundAt + rng.uniform(0.1, 2) * DAY_MS;
    deadline = foundAt + (severity === 'major' ? 20 : 10) * DAY_MS;
    events.push({ from: 'open', to: 'rectifying', at: assigned, actor: ctx.territorial });
    const stuck = rng.chance(ctx.duty.factor > 1.15 ? 0.12 : 0.035);
    if (!stuck) {
      let rectified = rng.chance(0.78)
        ? assigned + rng.uniform(0.2, 1) * (deadline - assigned)
        : deadline + rng.uniform(1, 25) * DAY_MS;
      const owner: Actor = { id: null, name: person };
      events.push({ from: 'rectifying', to: 'rectified', at: rectified, actor: owner });
      const parties: [AcceptanceParty, Actor, number][] = [
        ['territorial', ctx.territorial, rng.uniform(0.5, 4)],
        ['industry', ctx.industry.actor, rng.uniform(1, 8) * ctx.industry.slowness],
        ['special', ctx.special, rng.uniform(1, 7)],
      ];
      let closedAt = 0;
      let lastSigner = ctx.special;
      for (const [party, actor, delayDays] of parties) {
        let at = rectified + delayDays * DAY_MS;
        if (rng.chance(0.09)) {
          signs.push({ party, passed: false, at, actor, note: '整改不到位，退回重新整改' });
          events.push({ from: 'rectified', to: 'rectifying', at, actor });
          rectified = at + rng.uniform(3, 10) * DAY_MS;
          events.push({ from: 'rectifying', to: 'rectified', at: rectified, actor: owner });
          at = rectified + rng.uniform(0.5, 3) * DAY_MS;
        }
        signs.push({ party, passed: true, at, actor, note: '验收通过' });
        if (at > closedAt) [closedAt, lastSigner] = [at, actor];
      }
      events.push({ from: 'rectified', to: 'closed', at: closedAt + 60_000, actor: lastSigner });
    }
  }
  // the record as it stands on the reference date: later events have not happened yet
  events.sort((a, b) => a.at - b.at);
  const happened = events.filter((e) => e.at <= referenceDate);
  const last = happened[happened.length - 1]!;
  const status = last.to;
  const closedAt = status === 'closed' ? last.at : null;
  const rectifiedAt =
    status === 'rectified' || status === 'closed'
      ? Math.max(...happened.filter((e) => e.to === 'rectified').map((e) => e.at))
      : null;
  out.hazards.push({
    id,
    venueId: ctx.venue.id,
    patrolId,
    type,
    severity,
    status,
    foundAt,
    onSpot,
    person,
    phone: person ? phone(rng) : null,
    deadline: status === 'open' ? null : deadline,
    rectifiedAt,
    closedAt,
  });
  for (const e of happened) out.transitions.push({ hazardId: id, ...e });
  for (const s of signs) if (s.at <= referenceDate) out.acceptances.push({ hazardId: id, ...s });
  return closedAt;
}

/**
 * Grid duty: a worker walks the cell at least weekly, so where venue visits leave a gap of
 * more than a week the worker adds a round (a diligent one nearly always, a lazy one often,
 * a substitute sometimes); nobody walks a neglected cell after it was abandoned.
 */
export function weeklyRounds(
  rng: Random,
  duty: CellDuty,
  cellVenues: readonly VenuePlan[],
  visits: number[],
  historyStart: number,
  referenceDate: number,
  ids: Ids,
  out: HistoryRows,
): void {
  if (duty.worker.id === null || cellVenues.length === 0) return;
  const end = Math.min(referenceDate, duty.stopAt);
  const diligence = duty.factor >= 2 ? 0.5 : duty.factor > 1.15 ? 0.8 : 0.97;
  const sorted = [...visits].sort((a, b) => a - b);
  let last = historyStart;
  let next = 0;
  while (last < end) {
    while (next < sorted.length && sorted[next]! <= last) next++;
    const upcoming = sorted[next] ?? Infinity;
    if (upcoming - last <= 7 * DAY_MS) {
      last = upcoming;
      continue;
    }
    const target = last + rng.uniform(4.5, 7) * DAY_MS;
    if (target > end) break;
    const at = workingTime(rng, target);
    const open = cellVenues.filter((v) => v.registeredAt <= at && (v.closedAt === null || v.closedAt > at));
    if (open.length > 0 && at <= end && rng.chance(diligence)) {
      out.patrols.push({
        id: ids.patrol++,
        venueId: rng.pick(open).id,
        cellId: duty.cellId,
        workerId: duty.worker.id,
        at,
        result: 'ok',
      });
    }
    last = Math.max(at, target);
  }
}
