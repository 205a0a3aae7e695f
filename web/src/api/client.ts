// The one typed client of the dashboard API: every call takes the query's AbortSignal and
// throws an ApiProblem unless the response is ok.
import type {
  Bbox, BlindSpotsDto, ConfigDto, GridCellCollection, GridCellsQuery, HealthDto, HeatmapDto, ReboundClustersDto,
  StreetCollection, TownshipCollection,
} from '@svm/contract';
import { notifyUnauthorized } from '../auth/session-events.ts';
import { ApiProblem, problemFrom } from './problem.ts';

export type Params = Record<string, string | number | boolean | undefined>;

/** The query string of the params that are set (undefined ones are left out). */
export function searchOf(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.size ? `?${search}` : '';
}

/** GETs JSON from the API; throws ApiProblem for a problem response or no answer at all. */
export async function getJson<T>(path: string, params: Params, signal: AbortSignal | undefined): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${path}${searchOf(params)}`, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    // no answer at all: the server is down or the network is gone
    throw new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, detail: `${path}: ${String(err)}` });
  }
  // the session ended (expired, signed out elsewhere): the sign-in gate asks again
  if (res.status === 401) notifyUnauthorized();
  if (!res.ok) throw await problemFrom(res);
  // the server's contract types describe this body; it is not re-validated in the browser
  return (await res.json()) as T;
}

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthDto>('/api/health', {}, signal),
  config: (signal?: AbortSignal) => getJson<ConfigDto>('/api/config', {}, signal),
  townships: (signal?: AbortSignal) => getJson<TownshipCollection>('/api/townships', {}, signal),
  gridCells: (query: Omit<GridCellsQuery, 'asOf'> & { asOf?: string | undefined }, signal?: AbortSignal) =>
    getJson<GridCellCollection>('/api/grid-cells', { township: query.township, asOf: query.asOf }, signal),
  // map layers (the map's features): risk heatmap bins, rebound clusters, blind spots
  heatmap: (query: { bbox: Bbox; zoom: number; asOf?: string | undefined }, signal?: AbortSignal) =>
    getJson<HeatmapDto>('/api/heatmap/risk', { bbox: query.bbox.join(','), zoom: query.zoom, asOf: query.asOf }, signal),
  reboundClusters: (query: { asOf?: string | undefined }, signal?: AbortSignal) =>
    getJson<ReboundClustersDto>('/api/rebounds/clusters', { asOf: query.asOf }, signal),
  blindSpots: (query: { asOf?: string | undefined }, signal?: AbortSignal) =>
    getJson<BlindSpotsDto>('/api/blind-spots', { asOf: query.asOf }, signal),
  streets: (bbox: Bbox, signal?: AbortSignal) =>
    getJson<StreetCollection>('/api/context/streets', { bbox: bbox.join(',') }, signal),
};
