// The situation map: base layers (townships, streets), the deck.gl data layers for the URL view
// state, the camera on the chosen township, loading and error states, the legend and switcher.
import type { Bbox, StreetCollection } from '@svm/contract';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { StatusPanel } from '../kit/components/status-panel.tsx';
import { LayerSwitcher } from './layer-switcher/layer-switcher.tsx';
import { Legend } from './legend/legend.tsx';
import { streetsQuery } from '../features/streets/streets.queries.ts';
import { townshipsQuery } from '../features/townships/townships.queries.ts';
import { useI18n } from '../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../kit/state/view-state.ts';
import { boundsOf } from '../kit/map/bounds.ts';
import { layerAllowed } from '../kit/account/allowed-layers.ts';
import { useMe } from '../kit/account/me-context.tsx';
import { venueDetailQuery } from '../features/venues/venues.queries.ts';
import { MapView } from './map-view.tsx';
import { useDataLayers } from './use-data-layers.ts';
import { snapViewport, type Viewport } from './viewport.ts';

// with no township there is no area to ask streets for
const NO_STREETS: StreetCollection = { type: 'FeatureCollection', features: [] };

export function SituationMap() {
  const { t, lang } = useI18n();
  const [urlState, setState] = useViewState();
  const me = useMe();
  // a layer the caller may not see is not drawn (or asked for), whatever the link says
  const state = useMemo(
    () => ({ ...urlState, layers: urlState.layers.filter((l) => layerAllowed(me, l)) }),
    [urlState, me],
  );
  const townships = useQuery(townshipsQuery());
  const cityBounds = useMemo(() => (townships.data ? boundsOf(townships.data.features) : null), [townships.data]);
  const township = townships.data?.features.find((f) => f.properties.id === state.township);
  const townshipBounds = useMemo(() => (township ? boundsOf([township]) : null), [township]);
  const streets = useQuery(streetsQuery(cityBounds));
  const streetsData = townships.data && !cityBounds ? NO_STREETS : streets.data;
  // a link to a venue opens on the venue itself: the first camera placement waits for its point
  const linkedVenue = useRef(state.selection?.kind === 'venue' ? state.selection.id : null);
  const linked = useQuery({
    ...venueDetailQuery(linkedVenue.current ?? 0, apiAsOf(state.asOf)),
    enabled: linkedVenue.current !== null,
  });
  const focus =
    linkedVenue.current === null
      ? null
      : (linked.data?.venue.geometry.coordinates ?? (linked.isError ? null : 'waiting'));
  const sources = useMemo(() => ({ townships: townships.data, streets: streetsData }), [townships.data, streetsData]);

  const [viewport, setViewport] = useState<Viewport | null>(null);
  const onViewport = useCallback((zoom: number, bbox: Bbox) => {
    const next = snapViewport(zoom, bbox);
    setViewport((prev) => (prev && prev.zoom === next.zoom && prev.bbox.join() === next.bbox.join() ? prev : next));
  }, []);
  const data = useDataLayers(state, viewport);

  const failed = [townships, streets, ...data.failed].filter((q) => q.isError);
  const firstError = failed[0]?.error;
  const loading = townships.isPending || (cityBounds !== null && streets.isPending) || !data.complete;

  return (
    <main className="map-area">
      <MapView
        sources={sources}
        bounds={focus === 'waiting' ? null : (townshipBounds ?? cityBounds)}
        focus={focus === 'waiting' ? null : focus}
        lang={lang}
        label={t('map.label')}
        state={state}
        asOf={apiAsOf(state.asOf)}
        deckLayers={data.layers}
        deckComplete={data.complete}
        onChange={setState}
        onViewport={onViewport}
      />
      <LayerSwitcher />
      <Legend layers={state.layers} zoom={viewport?.zoom ?? 0} />
      {firstError ? (
        <StatusPanel kind="error" error={firstError} onRetry={() => failed.forEach((q) => void q.refetch())} />
      ) : (
        loading && <StatusPanel kind="loading" />
      )}
    </main>
  );
}
