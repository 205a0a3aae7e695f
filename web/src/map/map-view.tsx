// The one MapLibre map: built once with the offline style; data, camera and label language
// are pushed into it as they change. Sets window.__mapReady once every source has drawn.
import type { Bbox, FeatureCollection, Geometry } from '@svm/server/contract';
import { type GeoJSONSource, Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { TOWNSHIP_LABELS_LAYER, townshipLabelField } from '../features/townships/townships.layer.ts';
import type { Lang } from '../i18n/dictionaries.ts';
import { DATA_SOURCES, offlineStyle, type DataSource } from './offline-style.ts';

type Collection = FeatureCollection<Geometry, object>;

export interface MapViewProps {
  /** each source's data; undefined while it is loading */
  sources: Record<DataSource, Collection | undefined>;
  bounds: Bbox | null;
  lang: Lang;
  label: string;
}

function useSourceData(map: MapLibreMap | null, id: DataSource, data: Collection | undefined) {
  useEffect(() => {
    if (map && data) map.getSource<GeoJSONSource>(id)?.setData(data);
  }, [map, id, data]);
}

export function MapView({ sources, bounds, lang, label }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // the style is built once; later language changes only swap the label field
  const initialLang = useRef(lang);

  useEffect(() => {
    if (!container.current) return;
    window.__mapReady = false;
    const instance = new MapLibreMap({
      container: container.current,
      style: offlineStyle(initialLang.current),
      center: [116.4, 35],
      zoom: 3,
      attributionControl: false,
    });
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.on('load', () => setMap(instance));
    return () => {
      setMap(null);
      window.__mapReady = false;
      instance.remove();
    };
  }, []);

  useSourceData(map, 'streets', sources.streets);
  useSourceData(map, 'grid-cells', sources['grid-cells']);
  useSourceData(map, 'townships', sources.townships);

  const fitted = useRef(false);
  useEffect(() => {
    if (!map || !bounds || fitted.current) return;
    fitted.current = true;
    // no animation: the first frame a wall display shows is the whole city
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: 48, animate: false });
  }, [map, bounds]);

  useEffect(() => {
    map?.setLayoutProperty(TOWNSHIP_LABELS_LAYER, 'text-field', townshipLabelField(lang));
  }, [map, lang]);

  const allLoaded = DATA_SOURCES.every((id) => sources[id] !== undefined);
  useEffect(() => {
    if (!map || !allLoaded) return;
    // setData parses in the worker; the map turns idle only once that data has been drawn
    const onIdle = () => {
      if (DATA_SOURCES.every((id) => map.isSourceLoaded(id))) window.__mapReady = true;
      else map.once('idle', onIdle);
    };
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, allLoaded]);

  return <div ref={container} className="map" role="region" aria-label={label} />;
}
