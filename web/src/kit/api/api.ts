// The typed reads and writes of the dashboard API, one per endpoint, built on the one client
// (the features' queryOptions factories call these with the query's AbortSignal).
import type {
  Bbox,
  BlindSpotsDto,
  ConfigDto,
  GridCellCollection,
  GridCellDetailDto,
  HealthDto,
  HeatmapDto,
  LedgerPage,
  LoginDto,
  MeDto,
  RecentEventsDto,
  ReboundClustersDto,
  StatsSummaryDto,
  StreetCollection,
  TownshipCollection,
  VenueDetailDto,
  VenuePage,
} from '@svm/contract';
import { getJson, send } from './client.ts';

/** The time window every KPI read takes: YYYY-MM-DD days or an instant, undefined for the default. */
export interface WindowParams {
  asOf: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

/** The default window: the last 90 days, as of now. */
export const NO_WINDOW: WindowParams = { asOf: undefined, from: undefined, to: undefined };

/** The hazard ledger's filters, as the API takes them. */
export interface LedgerFilters {
  status?: string | undefined;
  overdue?: boolean | undefined;
  rebound?: boolean | undefined;
  type?: string | undefined;
  party?: string | undefined;
  township?: number | undefined;
  asOf?: string | undefined;
}

// the sign-in calls answer 401 for "nobody" or "refused", not for a session that ended
const SIGN_IN = { session: false };

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthDto>('/api/health', {}, signal),
  config: (signal?: AbortSignal) => getJson<ConfigDto>('/api/config', {}, signal),
  // townships with their outlines and KPIs over a window
  townships: (window: WindowParams = NO_WINDOW, signal?: AbortSignal) =>
    getJson<TownshipCollection>('/api/townships', { ...window }, signal),
  gridCells: (query: { township: number | undefined; asOf: string | undefined }, signal?: AbortSignal) =>
    getJson<GridCellCollection>('/api/grid-cells', { township: query.township, asOf: query.asOf }, signal),
  gridCell: (id: number, asOf: string | undefined, signal?: AbortSignal) =>
    getJson<GridCellDetailDto>(`/api/grid-cells/${id}`, { asOf }, signal),
  venue: (id: number, asOf: string | undefined, signal?: AbortSignal) =>
    getJson<VenueDetailDto>(`/api/venues/${id}`, { asOf }, signal),
  searchVenues: (q: string, asOf: string | undefined, signal?: AbortSignal) =>
    getJson<VenuePage>('/api/venues', { q, limit: 10, asOf }, signal),
  hazards: (q: LedgerFilters & { limit: number; cursor: string | undefined }, signal?: AbortSignal) =>
    getJson<LedgerPage>('/api/hazards', { ...q }, signal),
  summary: (q: WindowParams & { township: number | undefined }, signal?: AbortSignal) =>
    // the tiles compare this week with the last: two weeks of trend, not one per week of the period
    getJson<StatsSummaryDto>('/api/stats/summary', { ...q, trendWeeks: 2 }, signal),
  // map layers: risk heatmap bins, rebound clusters, blind spots, streets
  heatmap: (query: { bbox: Bbox; zoom: number; asOf: string | undefined }, signal?: AbortSignal) =>
    getJson<HeatmapDto>(
      '/api/heatmap/risk',
      { bbox: query.bbox.join(','), zoom: query.zoom, asOf: query.asOf },
      signal,
    ),
  reboundClusters: (query: { asOf: string | undefined }, signal?: AbortSignal) =>
    getJson<ReboundClustersDto>('/api/rebounds/clusters', { asOf: query.asOf }, signal),
  blindSpots: (query: { asOf: string | undefined }, signal?: AbortSignal) =>
    getJson<BlindSpotsDto>('/api/blind-spots', { asOf: query.asOf }, signal),
  streets: (bbox: Bbox, signal?: AbortSignal) =>
    getJson<StreetCollection>('/api/context/streets', { bbox: bbox.join(',') }, signal),
  recentEvents: (limit: number, signal?: AbortSignal) =>
    getJson<RecentEventsDto>('/api/events/recent', { limit }, signal),
  // sign-in: the session is an HttpOnly cookie the page never sees
  me: (signal?: AbortSignal) => getJson<MeDto>('/api/auth/me', {}, signal, SIGN_IN),
  login: (username: string, password: string) => send<LoginDto>('/api/auth/login', { username, password }, SIGN_IN),
  logout: () => send<never>('/api/auth/logout', undefined, SIGN_IN),
  displaySession: (token: string) => send<LoginDto>('/api/auth/display-session', { token }, SIGN_IN),
};
