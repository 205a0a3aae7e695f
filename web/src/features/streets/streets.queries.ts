// Query options for the street context layer inside a bbox (skipped until the bbox is known).
import type { Bbox } from '@svm/contract';
import { queryOptions, skipToken } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';

export const streetsQuery = (bbox: Bbox | null) =>
  queryOptions({
    queryKey: ['context', 'streets', bbox],
    queryFn: bbox ? ({ signal }) => api.streets(bbox, signal) : skipToken,
    // streets are context: they practically never change while a screen is open
    staleTime: Infinity,
  });
