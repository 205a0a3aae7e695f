// Query options for the townships' KPIs, one township's cells and its overdue hazards.
import { queryOptions } from '@tanstack/react-query';
import { panelApi, type WindowParams } from '../panels/panel-api.ts';

export const townshipKpisQuery = (window: WindowParams) =>
  queryOptions({
    queryKey: ['townships', 'kpis', window],
    queryFn: ({ signal }) => panelApi.townships(window, signal),
    staleTime: 60_000,
  });

export const townshipCellsQuery = (township: number, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['grid-cells', { township, asOf }],
    queryFn: ({ signal }) => panelApi.gridCells({ township, asOf }, signal),
    staleTime: 60_000,
  });

export const overdueHazardsQuery = (township: number, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['hazards', { township, overdue: true, asOf, limit: 50 }],
    queryFn: ({ signal }) => panelApi.hazards({ township, overdue: true, asOf, limit: 50, cursor: undefined }, signal),
    staleTime: 60_000,
  });
