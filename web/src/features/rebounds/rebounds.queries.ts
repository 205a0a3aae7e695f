// Query options for the rebound clusters (hull polygons and members) as of a moment: the map's
// layer, the cluster panel and the wall's tour read the same request.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const REBOUNDS_KEY = ['rebounds'] as const;

export const reboundClustersQuery = (asOf: string | undefined) =>
  queryOptions({
    queryKey: [...REBOUNDS_KEY, 'clusters', keyInputs({ asOf })],
    queryFn: ({ signal }) => api.reboundClusters({ asOf }, signal),
    staleTime: 60_000,
  });
