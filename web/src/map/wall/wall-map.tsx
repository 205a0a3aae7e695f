// The wall's map: the dashboard's MapView and data layers (risk heatmap, unpatrolled cells,
// rebound clusters) on the dark basemap, its camera on the tour's current stop. No controls.
import type { Bbox, StreetCollection } from '@svm/contract';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { streetsQuery } from '../../features/streets/streets.queries.ts';
import { townshipsQuery } from '../../features/townships/townships.queries.ts';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { MapView } from '../map-view.tsx';
import { useDataLayers } from '../use-data-layers.ts';
import { snapViewport, type Viewport } from '../viewport.ts';
import { parseViewState, type LayerId, type ViewState } from '../../kit/state/view-state.ts';
import { darkStyle, wallScale } from './dark-style.ts';

export const WALL_LAYERS: LayerId[] = ['heatmap', 'unpatrolled', 'rebounds'];
const NO_STREETS: StreetCollection = { type: 'FeatureCollection', features: [] };
const ignore = () => {};

/** Where the wall's tour stands (see app/wall/wall-config.ts): the city, a township or a rebound cluster, and its box. */
export type WallStop = { kind: 'city'; bounds: Bbox } | { kind: 'township' | 'cluster'; id: number; bounds: Bbox };

export function WallMap({ stop, cityBounds }: { stop: WallStop | null; cityBounds: Bbox | null }) {
  const { t, lang } = useI18n();
  const townships = useQuery(townshipsQuery());
  const streets = useQuery(streetsQuery(cityBounds));
  const streetsData = townships.data && !cityBounds ? NO_STREETS : streets.data;
  const sources = useMemo(() => ({ townships: townships.data, streets: streetsData }), [townships.data, streetsData]);

  const township = stop?.kind === 'township' ? stop.id : null;
  const cluster = stop?.kind === 'cluster' ? stop.id : null;
  // the dashboard's defaults (now, the default window) with the wall's layers and place
  const state = useMemo<ViewState>(
    () => ({
      ...parseViewState(''),
      township,
      layers: WALL_LAYERS,
      selection: cluster === null ? null : { kind: 'cluster', id: cluster },
    }),
    [township, cluster],
  );

  const [viewport, setViewport] = useState<Viewport | null>(null);
  const onViewport = useCallback((zoom: number, bbox: Bbox) => {
    const next = snapViewport(zoom, bbox);
    setViewport((prev) => (prev && prev.zoom === next.zoom && prev.bbox.join() === next.bbox.join() ? prev : next));
  }, []);
  // deck.gl sizes are CSS pixels too: the rebound labels and cell outlines scale like the basemap's
  const [scale] = useState(() => wallScale(window.innerWidth));
  const data = useDataLayers(state, viewport, scale);

  return (
    <main className="wall-map map-area">
      <MapView
        sources={sources}
        bounds={stop?.bounds ?? cityBounds}
        lang={lang}
        label={t('map.label')}
        state={state}
        asOf={undefined}
        deckLayers={data.layers}
        deckComplete={data.complete}
        onChange={ignore}
        onViewport={onViewport}
        restyle={darkStyle}
      />
    </main>
  );
}
