// Query options for the rebound clusters as of the chosen day (the panel picks one by id).
import { queryOptions } from '@tanstack/react-query';
import { panelApi } from '../panels/panel-api.ts';

export const clustersQuery = (asOf: string | undefined) =>
  queryOptions({
    queryKey: ['rebounds', 'clusters', { asOf }],
    queryFn: ({ signal }) => panelApi.clusters(asOf, signal),
    staleTime: 60_000,
  });
