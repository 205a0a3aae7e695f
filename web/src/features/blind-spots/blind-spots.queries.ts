// Query options for the planner's blind spots as of a moment.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const blindSpotsQuery = (asOf: string | undefined) =>
  queryOptions({
    queryKey: ['blind-spots', keyInputs({ asOf })],
    queryFn: ({ signal }) => api.blindSpots({ asOf }, signal),
    staleTime: 5 * 60_000,
  });
