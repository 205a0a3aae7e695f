// Query options for the planner's blind spots as of a moment.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const blindSpotsQuery = (asOf: string | undefined) =>
  queryOptions({
    queryKey: ['blind-spots', { asOf: asOf ?? null }],
    queryFn: ({ signal }) => api.blindSpots({ asOf }, signal),
    staleTime: 5 * 60_000,
  });
