// Query options for grid cells with their patrol status, for one township or the whole city, as of a moment.
import type { TownshipId } from '@svm/contract';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const gridCellsQuery = (query: { township?: TownshipId; asOf?: string | undefined } = {}) =>
  queryOptions({
    queryKey: ['grid-cells', { township: query.township ?? null, asOf: query.asOf ?? null }],
    queryFn: ({ signal }) => api.gridCells(query, signal),
    staleTime: 5 * 60_000,
  });
