// Query options for the rebound clusters (hull polygons) as of a moment.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const reboundClustersQuery = (asOf: string | undefined) =>
  queryOptions({
    queryKey: ['rebounds', 'clusters', { asOf: asOf ?? null }],
    queryFn: ({ signal }) => api.reboundClusters({ asOf }, signal),
    staleTime: 5 * 60_000,
  });
