// Query options for the risk heatmap bins of a (tile-snapped) box at one zoom.
import type { Bbox } from '@svm/contract';
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const HEATMAP_KEY = ['heatmap'] as const;

export const heatmapQuery = (query: { bbox: Bbox; zoom: number; asOf: string | undefined } | null) =>
  queryOptions({
    queryKey: [...HEATMAP_KEY, 'risk', query && keyInputs({ bbox: query.bbox, zoom: query.zoom, asOf: query.asOf })],
    queryFn: query ? ({ signal }) => api.heatmap(query, signal) : skipToken,
    // the old bins stay on screen while the next zoom's bins load
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
