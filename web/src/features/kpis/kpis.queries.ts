// Query options for the KPI summary of the city or one township over the chosen window.
import { queryOptions } from '@tanstack/react-query';
import { api, type WindowParams } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const STATS_KEY = ['stats'] as const;

export const summaryQuery = ({ asOf, from, to }: WindowParams, township: number | null) =>
  queryOptions({
    queryKey: [...STATS_KEY, 'summary', keyInputs({ township, asOf, from, to })],
    queryFn: ({ signal }) => api.summary({ asOf, from, to, township: township ?? undefined }, signal),
    staleTime: 60_000,
  });
