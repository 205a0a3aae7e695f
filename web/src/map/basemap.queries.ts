// Query options for the deployment's basemap: the style URL the server is configured with, then
// the style itself, fetched from the deployment's own tile server (nothing when the URL is unset).
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { asStyle } from './basemap-style.ts';

// the settings query is the kit's: the city zone gate reads it before the map
export { configQuery } from '../kit/api/config.queries.ts';

/** A style that has not answered by then is given up on: the built-in map draws instead. */
export const BASEMAP_TIMEOUT_MS = 8000;

/** Fetches and checks a style; throws an Error saying what went wrong. */
export async function fetchBasemapStyle(url: string, signal: AbortSignal): Promise<StyleSpecification> {
  const timeout = AbortSignal.timeout(BASEMAP_TIMEOUT_MS);
  // no cookies: the tile server is another origin and needs none of ours
  const res = await fetch(url, {
    signal: AbortSignal.any([signal, timeout]),
    credentials: 'omit',
    headers: { Accept: 'application/json' },
  }).catch((err: unknown) => {
    throw new Error(timeout.aborted ? `no answer within ${BASEMAP_TIMEOUT_MS / 1000} s` : String(err));
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return asStyle(
    await res.json().catch(() => {
      throw new Error('not JSON');
    }),
  );
}

export const basemapStyleQuery = (url: string | null) =>
  queryOptions({
    queryKey: ['basemap-style', url],
    queryFn: url ? ({ signal }) => fetchBasemapStyle(url, signal) : skipToken,
    staleTime: Infinity,
    // one try: a map waits on it, and the built-in style is a good answer
    retry: false,
  });
