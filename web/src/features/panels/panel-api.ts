// Typed reads of the side panels (KPIs, townships, cells, venues, hazards, clusters): every call
// takes the query's AbortSignal and throws an ApiProblem unless the response is ok.
import type {
  GridCellCollection, GridCellDetailDto, LedgerPage, ReboundClustersDto, StatsSummaryDto,
  TownshipCollection, VenueDetailDto, VenuePage,
} from '@svm/contract';
import { getJson, searchOf, type Params } from '../../api/client.ts';

export { searchOf, type Params };

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
    // the tiles compare this week with the last: two weeks of trend, not one per week of the period
    getJson<StatsSummaryDto>('/api/stats/summary', { ...q, trendWeeks: 2 }, signal),
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
