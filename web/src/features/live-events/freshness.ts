// How current the wall's figures are, from when the server was last heard: green while the
// stream is live, amber once it is late or down, red when the figures are minutes old.
import type { LinkStatus } from './live-events.ts';

export type Freshness = 'fresh' | 'late' | 'stale';

/** heartbeats come every 15 s: three missed is late even if the browser has not noticed a drop */
export const LATE_AFTER_MS = 40_000;
export const STALE_AFTER_MS = 120_000;

export function freshnessOf(
  status: LinkStatus,
  heardAt: number | null,
  now: number,
): { level: Freshness; ageMs: number | null } {
  const ageMs = heardAt === null ? null : Math.max(0, now - heardAt);
  if (ageMs === null) return { level: status === 'down' ? 'stale' : 'late', ageMs };
  if (ageMs >= STALE_AFTER_MS) return { level: 'stale', ageMs };
  if (status !== 'live' || ageMs >= LATE_AFTER_MS) return { level: 'late', ageMs };
  return { level: 'fresh', ageMs };
}

/** "12 s", "3 min", "2 h": the age in its largest whole unit. */
export function ageParts(ageMs: number): { unit: 'seconds' | 'minutes' | 'hours'; n: number } {
  const s = Math.floor(ageMs / 1000);
  if (s < 120) return { unit: 'seconds', n: s };
  if (s < 7200) return { unit: 'minutes', n: Math.floor(s / 60) };
  return { unit: 'hours', n: Math.floor(s / 3600) };
}
