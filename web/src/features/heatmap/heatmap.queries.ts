// Query options for the risk heatmap bins of a (tile-snapped) box at one zoom.
import type { Bbox } from '@svm/contract';
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const heatmapQuery = (query: { bbox: Bbox; zoom: number; asOf: string | undefined } | null) =>
  queryOptions({
    queryKey: ['heatmap', 'risk', query],
    queryFn: query ? ({ signal }) => api.heatmap(query, signal) : skipToken,
    // the old bins stay on screen while the next zoom's bins load
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
