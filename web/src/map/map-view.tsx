// The one MapLibre map with its deck.gl overlay: built once, with the offline style or the
// deployment's basemap under it (BASEMAP_STYLE_URL); data, layer visibility, selection, camera and
// label language are pushed into it as they change.
// Sets window.__mapReady once the map and every visible data layer have drawn.
import type { LayersList } from '@deck.gl/core';
import type { Bbox, FeatureCollection, Geometry, Position, TownshipCollection } from '@svm/contract';
import {
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  type StyleSpecification,
  type VectorTileSource,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import {
  TOWNSHIP_LABEL_POINTS_SOURCE,
  TOWNSHIP_LABELS_LAYER,
  TOWNSHIP_SELECTED_LAYER,
  selectedTownshipFilter,
  townshipLabelField,
  townshipLabelPoints,
} from '../features/townships/townships.layer.ts';
import { ExportButton } from './export-png/export-button.tsx';
import {
  STREET_HEATMAP_LAYER,
  cityLatitude,
  streetHeatmapRadius,
  streetHeatmapVisible,
} from '../features/heatmap/street-heatmap.layer.ts';
import { VENUE_LAYER_IDS, VENUE_SELECTED_LAYER, venuesVisible } from '../features/venues/venues.layer.ts';
import { REBOUND_HAZARDS_LAYER, reboundHazardsVisible } from '../features/rebounds/rebound-hazards.layer.ts';
import { HAZARDS_SOURCE, hazardTilesUrl, VENUES_SOURCE, venueTilesUrl } from '../kit/map/tile-sources.ts';
import type { Lang } from '../kit/i18n/messages.ts';
import type { ViewState } from '../kit/state/view-state.ts';
import { DATA_SOURCES, offlineStyle, type DataSource } from './offline-style.ts';
import { mergeBasemap } from './basemap-style.ts';
import { BasemapNotice } from './basemap-notice.tsx';
import { LABEL_FONTS } from '../kit/map/fonts.ts';
import { useBaseStyle } from './use-base-style.ts';
import { useDeckOverlay } from './use-deck-overlay.ts';
import { useMapClicks } from './use-map-clicks.ts';
import { FLY_TO_ZOOM, onFlyTo } from '../kit/map/camera-requests.ts';

type Collection = FeatureCollection<Geometry, object>;

export interface MapViewProps {
  /** each base source's data; undefined while it is loading */
  sources: Record<DataSource, Collection | undefined> & { townships: TownshipCollection | undefined };
  /** where the camera goes: the chosen township or the city */
  bounds: Bbox | null;
  /** where the first camera placement goes instead of bounds (a link to a venue) */
  focus?: Position | null;
  lang: Lang;
  label: string;
  state: ViewState;
  asOf: string | undefined;
  deckLayers: LayersList;
  /** every visible deck.gl layer has its data */
  deckComplete: boolean;
  onChange: (change: Partial<ViewState>) => void;
  onViewport: (zoom: number, bbox: Bbox) => void;
  /** rewrites the built-in style once, before the map is built (the wall's dark theme) */
  restyle?: (style: StyleSpecification) => StyleSpecification;
}

function useSourceData(map: MapLibreMap | null, id: DataSource, data: Collection | undefined) {
  useEffect(() => {
    if (map && data) map.getSource<GeoJSONSource>(id)?.setData(data);
  }, [map, id, data]);
}

export function MapView(props: MapViewProps) {
  const { sources, bounds, focus, lang, label, state, asOf, deckLayers, deckComplete, onChange, onViewport } = props;
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // the style is built once; later changes are pushed into it
  const initial = useRef({ lang, asOf, layers: state.layers });
  // whether the camera has been placed on the city, a township or a linked venue yet
  const flown = useRef(false);
  // the box the camera was last sent to: data refetched for the same place (new objects, same
  // box) is no reason to move a camera the user may have moved since
  const placed = useRef<{ map: MapLibreMap; box: string } | null>(null);
  const restyle = useRef(props.restyle ?? ((style: StyleSpecification) => style));
  const viewportCallback = useRef(onViewport);
  viewportCallback.current = onViewport;
  const base = useBaseStyle();
  const baseRef = useRef(base);
  baseRef.current = base;
  const decided = base.kind !== 'pending';

  useEffect(() => {
    if (!container.current || !decided) return;
    window.__mapReady = false;
    const ours = restyle.current(offlineStyle({ ...initial.current, origin: window.location.origin }));
    const chosen = baseRef.current;
    const instance = new MapLibreMap({
      container: container.current,
      style: chosen.kind === 'basemap' ? mergeBasemap(chosen.style, ours, chosen.url) : ours,
      // CJK is drawn locally, never asked of a basemap's glyphs URL (which serves Latin ranges at
      // best); labels on the default font stack draw it with our fonts
      localIdeographFontFamily: LABEL_FONTS.join(','),
      center: [116.4, 35],
      zoom: 3,
      attributionControl: false,
    });
    window.__map = instance;
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const report = () => {
      // the camera before the first placement (all of China at zoom 3) is nobody's view: asking
      // the heatmap for it cost the embedded database a second before the city's own request
      if (!flown.current) return;
      const b = instance.getBounds();
      viewportCallback.current(instance.getZoom(), [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    instance.on('moveend', report);
    instance.on('load', () => {
      report();
      setMap(instance);
    });
    return () => {
      setMap(null);
      window.__mapReady = false;
      instance.remove();
    };
  }, [decided]);

  useSourceData(map, 'streets', sources.streets);
  useSourceData(map, 'townships', sources.townships);
  const townshipsData = sources.townships;
  useEffect(() => {
    if (!map || !townshipsData) return;
    map.getSource<GeoJSONSource>(TOWNSHIP_LABEL_POINTS_SOURCE)?.setData(townshipLabelPoints(townshipsData));
    // the street heatmap's kernel keeps its ground size at the city's own latitude
    const lat = cityLatitude(townshipsData);
    if (lat !== null) map.setPaintProperty(STREET_HEATMAP_LAYER, 'heatmap-radius', streetHeatmapRadius(lat));
  }, [map, townshipsData]);

  const { overlay, drawn } = useDeckOverlay(map, deckLayers, deckComplete);
  useMapClicks(map, overlay, onChange);

  useEffect(() => {
    if (!map) return;
    const visibility = venuesVisible(state.layers) ? 'visible' : 'none';
    for (const id of VENUE_LAYER_IDS) map.setLayoutProperty(id, 'visibility', visibility);
    map.setLayoutProperty(STREET_HEATMAP_LAYER, 'visibility', streetHeatmapVisible(state.layers) ? 'visible' : 'none');
    map.setLayoutProperty(
      REBOUND_HAZARDS_LAYER,
      'visibility',
      reboundHazardsVisible(state.layers) ? 'visible' : 'none',
    );
    map.setFilter(VENUE_SELECTED_LAYER, [
      '==',
      ['get', 'id'],
      state.selection?.kind === 'venue' ? state.selection.id : -1,
    ]);
    map.setFilter(TOWNSHIP_SELECTED_LAYER, selectedTownshipFilter(state.township));
  }, [map, state.layers, state.selection, state.township]);

  useEffect(() => {
    map?.getSource<VectorTileSource>(VENUES_SOURCE)?.setTiles([venueTilesUrl(window.location.origin, asOf)]);
    map?.getSource<VectorTileSource>(HAZARDS_SOURCE)?.setTiles([hazardTilesUrl(window.location.origin, asOf)]);
  }, [map, asOf]);

  useEffect(() => {
    if (!map) return;
    return onFlyTo((center) => map.flyTo({ center, zoom: Math.max(map.getZoom(), FLY_TO_ZOOM), duration: 1200 }));
  }, [map]);

  useEffect(() => {
    if (!map || !bounds) return;
    const box = bounds.join();
    if (placed.current?.map === map && placed.current.box === box) return;
    placed.current = { map, box };
    // placed before the camera moves, so the move's end reports the first viewport
    const first = !flown.current;
    flown.current = true;
    if (first && focus) {
      map.jumpTo({ center: focus, zoom: FLY_TO_ZOOM });
      return;
    }
    // the first frame a wall display shows is already in place; later changes fly
    map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: 48, animate: !first, duration: 900 },
    );
    // focus only matters for the first placement: a later focus change must not move the camera
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, bounds]);

  useEffect(() => {
    map?.setLayoutProperty(TOWNSHIP_LABELS_LAYER, 'text-field', townshipLabelField(lang));
  }, [map, lang]);

  const baseLoaded = DATA_SOURCES.every((id) => sources[id] !== undefined);
  const [mapDrawn, setMapDrawn] = useState(false);
  useEffect(() => {
    setMapDrawn(false);
    if (!map || !baseLoaded) return;
    // setData parses in the worker; the map turns idle only once that data has been drawn
    const onIdle = () => {
      if ([...DATA_SOURCES, TOWNSHIP_LABEL_POINTS_SOURCE].every((id) => map.isSourceLoaded(id))) setMapDrawn(true);
      else map.once('idle', onIdle);
    };
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, baseLoaded]);

  useEffect(() => {
    window.__mapReady = mapDrawn && drawn;
  }, [mapDrawn, drawn]);

  return (
    <>
      <div ref={container} className="map" role="region" aria-label={label} />
      {base.kind === 'fallback' && <BasemapNotice url={base.url} reason={base.reason} />}
      <ExportButton />
    </>
  );
}
