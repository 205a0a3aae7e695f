// Query options for the KPI summary of the city or one township over the chosen window.
import { queryOptions } from '@tanstack/react-query';
import { panelApi, type WindowParams } from '../panels/panel-api.ts';

export const summaryQuery = (window: WindowParams, township: number | null) =>
  queryOptions({
    queryKey: ['stats', 'summary', { township, ...window }],
    queryFn: ({ signal }) => panelApi.summary({ ...window, township: township ?? undefined }, signal),
    staleTime: 60_000,
  });
