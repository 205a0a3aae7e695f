// Typed reads of the side panels (KPIs, townships, cells, venues, hazards, clusters): every call
// takes the query's AbortSignal and throws an ApiProblem unless the response is ok.
import type {
  GridCellCollection, GridCellDetailDto, LedgerPage, ReboundClustersDto, StatsSummaryDto,
  TownshipCollection, VenueDetailDto, VenuePage,
} from '@svm/server/contract';
import { ApiProblem, problemFrom } from '../../api/problem.ts';

export type Params = Record<string, string | number | boolean | undefined>;

/** The query string of the params that are set (undefined ones are left out). */
export function searchOf(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.size ? `?${search}` : '';
}

async function getJson<T>(path: string, params: Params, signal: AbortSignal | undefined): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${path}${searchOf(params)}`, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, detail: `${path}: ${String(err)}` });
  }
  if (!res.ok) throw await problemFrom(res);
  // the server's contract types describe this body; it is not re-validated in the browser
  return (await res.json()) as T;
}

/** The time window every KPI read takes: YYYY-MM-DD days or an instant, undefined for the default. */
export interface WindowParams {
  asOf: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

export interface LedgerFilters {
  status?: string | undefined;
  overdue?: boolean | undefined;
  rebound?: boolean | undefined;
  type?: string | undefined;
  party?: string | undefined;
  township?: number | undefined;
  asOf?: string | undefined;
}

export const panelApi = {
  summary: (q: WindowParams & { township: number | undefined }, signal?: AbortSignal) =>
    getJson<StatsSummaryDto>('/api/stats/summary', { ...q }, signal),
  townships: (q: WindowParams, signal?: AbortSignal) => getJson<TownshipCollection>('/api/townships', { ...q }, signal),
  gridCells: (q: { township: number; asOf: string | undefined }, signal?: AbortSignal) =>
    getJson<GridCellCollection>('/api/grid-cells', q, signal),
  gridCell: (id: number, asOf: string | undefined, signal?: AbortSignal) =>
    getJson<GridCellDetailDto>(`/api/grid-cells/${id}`, { asOf }, signal),
  venue: (id: number, asOf: string | undefined, signal?: AbortSignal) =>
    getJson<VenueDetailDto>(`/api/venues/${id}`, { asOf }, signal),
  searchVenues: (q: string, asOf: string | undefined, signal?: AbortSignal) =>
    getJson<VenuePage>('/api/venues', { q, limit: 10, asOf }, signal),
  hazards: (q: LedgerFilters & { limit: number; cursor: string | undefined }, signal?: AbortSignal) =>
    getJson<LedgerPage>('/api/hazards', { ...q }, signal),
  clusters: (asOf: string | undefined, signal?: AbortSignal) =>
    getJson<ReboundClustersDto>('/api/rebounds/clusters', { asOf }, signal),
};
