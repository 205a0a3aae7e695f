// Query options for grid cell outlines, for one township or the whole city.
import type { GridCellsQuery } from '@svm/server/contract';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const gridCellsQuery = (query: GridCellsQuery = {}) =>
  queryOptions({
    queryKey: ['grid-cells', { township: query.township ?? null }],
    queryFn: ({ signal }) => api.gridCells(query, signal),
    staleTime: 10 * 60_000,
  });
