// The first screen: header, the city map with its layers, a summary, loading and error states.
import type { StreetCollection } from '@svm/server/contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Header } from './components/header.tsx';
import { StatusPanel } from './components/status-panel.tsx';
import { gridCellsQuery } from './features/grid-cells/grid-cells.queries.ts';
import { streetsQuery } from './features/streets/streets.queries.ts';
import { TownshipSummary } from './features/townships/township-summary.tsx';
import { townshipsQuery } from './features/townships/townships.queries.ts';
import { useI18n } from './i18n/i18n.tsx';
import { boundsOf } from './map/bounds.ts';
import { MapView } from './map/map-view.tsx';

// with no township there is no area to ask streets for
const NO_STREETS: StreetCollection = { type: 'FeatureCollection', features: [] };

export function App() {
  const { t, lang } = useI18n();
  const townships = useQuery(townshipsQuery());
  const gridCells = useQuery(gridCellsQuery());
  const bounds = useMemo(() => (townships.data ? boundsOf(townships.data.features) : null), [townships.data]);
  const streets = useQuery(streetsQuery(bounds));
  const streetsData = townships.data && !bounds ? NO_STREETS : streets.data;

  const sources = useMemo(
    () => ({ townships: townships.data, 'grid-cells': gridCells.data, streets: streetsData }),
    [townships.data, gridCells.data, streetsData],
  );
  const failed = [townships, gridCells, streets].filter((q) => q.isError);
  const firstError = failed[0]?.error;
  const loading = townships.isPending || gridCells.isPending || (bounds !== null && streets.isPending);

  return (
    <div className="app">
      <Header />
      <main className="map-area">
        <MapView sources={sources} bounds={bounds} lang={lang} label={t('map.label')} />
        {townships.data && <TownshipSummary townships={townships.data} />}
        {firstError ? (
          <StatusPanel kind="error" error={firstError} onRetry={() => failed.forEach((q) => void q.refetch())} />
        ) : (
          loading && <StatusPanel kind="loading" />
        )}
      </main>
    </div>
  );
}
