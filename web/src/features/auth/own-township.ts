// A township leader or grid worker reads one township: the dashboard opens on it unless the
// address already asks for a view (a shared link keeps what it shows).
import type { MeDto } from '@svm/contract';

/** The query string to open with, or null to keep the address as it is. */
export function ownTownshipSearch(me: MeDto, search: string): string | null {
  if (me.scope.kind !== 'township') return null;
  const p = new URLSearchParams(search);
  if (p.has('view') || p.has('township')) return null;
  p.set('view', 'township');
  p.set('township', String(me.scope.townshipId));
  return `?${p}`;
}
