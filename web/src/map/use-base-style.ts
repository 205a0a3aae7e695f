// Which style the map is built on: the built-in offline one, or the deployment's basemap with the
// project's layers merged on top; undecided until the server's config (and that style) answer.
import { useQuery } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { basemapStyleQuery, configQuery } from './basemap.queries.ts';

export type BaseStyle =
  | { kind: 'pending' }
  | { kind: 'offline' }
  | { kind: 'basemap'; url: string; style: StyleSpecification }
  /** a basemap is configured but could not be had: the built-in style stands in */
  | { kind: 'fallback'; url: string; reason: string };

const PENDING: BaseStyle = { kind: 'pending' };
const OFFLINE: BaseStyle = { kind: 'offline' };

export function useBaseStyle(): BaseStyle {
  const config = useQuery(configQuery());
  // a config that cannot be read is no reason to withhold the map: it draws offline
  const url = config.data?.basemapStyleUrl ?? null;
  const basemap = useQuery(basemapStyleQuery(url));
  if (config.isPending) return PENDING;
  if (url === null) return OFFLINE;
  if (basemap.isError) return { kind: 'fallback', url, reason: basemap.error.message };
  if (basemap.data) return { kind: 'basemap', url, style: basemap.data };
  return PENDING;
}
