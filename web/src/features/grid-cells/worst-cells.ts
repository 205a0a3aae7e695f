// The order a township leader reads cells in: unpatrolled first (longest unpatrolled, never first),
// then by the share of overdue venues.
import type { GridCellProperties } from '@svm/contract';

const days = (c: GridCellProperties) => c.daysSincePatrol ?? Number.POSITIVE_INFINITY;

export function worstCells(cells: GridCellProperties[]): GridCellProperties[] {
  return [...cells].sort((a, b) => {
    if (a.unpatrolled !== b.unpatrolled) return a.unpatrolled ? -1 : 1;
    if (a.unpatrolled && days(a) !== days(b)) return days(b) - days(a);
    return b.overdueShare - a.overdueShare || b.overdueVenueCount - a.overdueVenueCount;
  });
}
