// The wall display (/wall): full screen and dark, nothing to click. A title bar with the tour's
// current place, the clock and the freshness badge; the map; the KPI column and the ticker.
// Everything is set up from the address (see wall-config.ts) and kept current by the live link.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { GRID_CELLS_KEY } from '../../features/grid-cells/grid-cells.queries.ts';
import { reboundClustersQuery } from '../../features/rebounds/rebounds.queries.ts';
import { townshipsQuery } from '../../features/townships/townships.queries.ts';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { boundsOf } from '../../kit/map/bounds.ts';
import { FreshnessBadge } from '../../features/live-events/freshness-badge.tsx';
import { KpiColumn } from './kpi-column.tsx';
import { LIVE_TOPICS } from './live-topics.ts';
import { Ticker } from '../../features/live-events/ticker.tsx';
import { useLiveEvents } from '../../features/live-events/use-live-events.ts';
import { useTour } from './use-tour.ts';
import { parseWallConfig, tourStops } from './wall-config.ts';
import { WallClock } from './wall-clock.tsx';
import { WallMap } from '../../map/wall/wall-map.tsx';
import './wall.css';

// the map layers also move with time alone (cells turn unpatrolled after 7 quiet days)
const LAYER_REFRESH_MS = 10 * 60_000;

export function WallPage() {
  const { t, tn, lang } = useI18n();
  const config = useMemo(() => parseWallConfig(window.location.search), []);
  const townships = useQuery(townshipsQuery());
  const clusters = useQuery(reboundClustersQuery(undefined));
  const live = useLiveEvents(LIVE_TOPICS);
  const queryClient = useQueryClient();

  useEffect(() => {
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: GRID_CELLS_KEY }), LAYER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [queryClient]);

  const features = townships.data?.features;
  const cityBounds = useMemo(() => (features ? boundsOf(features) : null), [features]);
  const places = useMemo(
    () =>
      (features ?? []).flatMap((f) => {
        const bounds = boundsOf([f]);
        return bounds ? [{ id: f.properties.id, bounds }] : [];
      }),
    [features],
  );
  const clusterPlaces = useMemo(
    () =>
      (clusters.data?.features ?? []).flatMap((f) => {
        const bounds = boundsOf([f]);
        return bounds ? [{ id: f.properties.id, bounds, members: f.properties.memberCount }] : [];
      }),
    [clusters.data],
  );
  const stops = useMemo(
    () => tourStops(config.tour, cityBounds, places, clusterPlaces),
    [config.tour, cityBounds, places, clusterPlaces],
  );
  const { stop, index } = useTour(stops, config.holdSeconds * 1000);

  const names = useMemo(
    () =>
      new Map<number, string>(
        (features ?? []).map((f) => [f.properties.id, lang === 'en' ? f.properties.nameEn : f.properties.name]),
      ),
    [features, lang],
  );
  const clusterShown =
    stop?.kind === 'cluster' ? clusters.data?.features.find((f) => f.properties.id === stop.id) : undefined;
  const place =
    stop?.kind === 'township'
      ? (names.get(stop.id) ?? '')
      : clusterShown
        ? `${t('wall.cluster')} · ${tn('wall.members', clusterShown.properties.memberCount, String(clusterShown.properties.memberCount))}`
        : t('wall.city');
  const township = stop?.kind === 'township' ? stop.id : null;

  return (
    <div className="wall" data-stop={index} data-stops={stops.length}>
      <header className="wall-header">
        <h1 className="wall-title">{t('wall.title')}</h1>
        <div className="wall-place">
          <span key={`${index}:${place}`} className="wall-place-name">
            {place}
          </span>
          {/* restarted per stop: how long until the tour moves on */}
          <span
            key={`progress-${index}`}
            className="wall-progress"
            style={{ animationDuration: `${config.holdSeconds}s` }}
          />
        </div>
        <FreshnessBadge status={live.status} heardAt={live.heardAt} />
        <WallClock />
      </header>
      <WallMap stop={stop} cityBounds={cityBounds} />
      <aside className="wall-side">
        <KpiColumn township={township} title={township === null ? t('wall.city') : (names.get(township) ?? '')} />
        <Ticker events={live.events} townshipNames={names} />
      </aside>
    </div>
  );
}
