// The automatic tour: moves to the next stop every `holdMs`, round and round; a changed list of
// stops (a township imported, a cluster gone) keeps the position where it can.
import { useEffect, useState } from 'react';
import type { TourStop } from './wall-config.ts';

export function useTour(stops: readonly TourStop[], holdMs: number): { stop: TourStop | null; index: number } {
  const [index, setIndex] = useState(0);
  const count = stops.length;
  useEffect(() => {
    if (count < 2) return;
    const timer = setTimeout(() => setIndex((i) => (i + 1) % count), holdMs);
    return () => clearTimeout(timer);
  }, [index, count, holdMs]);
  const at = count ? index % count : 0;
  return { stop: stops[at] ?? null, index: at };
}
