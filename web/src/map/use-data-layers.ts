// The deck.gl data layers for the current view state: each layer's query (only while the layer
// is shown), its memoised data and its factory. Layers are always all present, hidden with `visible`.
import type { Layer, LayersList } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  gapHatches,
  gapHatchLayer,
  gapOutlineLayer,
  unmatchedLayer,
  unregisteredLayer,
} from '../features/blind-spots/blind-spots.layer.ts';
import { blindSpotsQuery } from '../features/blind-spots/blind-spots.queries.ts';
import {
  gridCellsLayer,
  noWorkerDashes,
  noWorkerLayer,
  unpatrolledLayer,
} from '../features/grid-cells/grid-cells.layer.ts';
import { gridCellsQuery } from '../features/grid-cells/grid-cells.queries.ts';
import { HEATMAP_MAX_ZOOM, heatmapLayer } from '../features/heatmap/heatmap.layer.ts';
import { heatmapQuery } from '../features/heatmap/heatmap.queries.ts';
import { reboundLabelsLayer, reboundsLayer } from '../features/rebounds/rebounds.layer.ts';
import { reboundClustersQuery } from '../features/rebounds/rebounds.queries.ts';
import { apiAsOf, type ViewState } from '../kit/state/view-state.ts';
import { TOWNSHIP_SELECTED_LAYER } from '../features/townships/townships.layer.ts';
import { usePulse } from './use-pulse.ts';
import { townshipsQuery } from '../features/townships/townships.queries.ts';
import { clustersOf } from '../features/venues/venue-clusters.ts';
import { venueClusterLevel, venueClustersLayer } from '../features/venues/venue-clusters.layer.ts';
import type { Viewport } from './viewport.ts';

// Interleaved into MapLibre's stack: fills sit under the selected township's outline, the
// township names and the venue points, so those stay readable above any data layer.
const UNDER_LABELS: { beforeId: string } = { beforeId: TOWNSHIP_SELECTED_LAYER };
const under = (layer: Layer) => layer.clone({ ...UNDER_LABELS, visible: layer.props.visible });

/** `scale`: pixel sizes of outlines and labels times this (the wall past 1920 px; see map/wall/dark-style.ts). */
export function useDataLayers(state: ViewState, viewport: Viewport | null, scale = 1) {
  const asOf = apiAsOf(state.asOf);
  const on = (id: ViewState['layers'][number]) => state.layers.includes(id);
  const heatmapOn = on('heatmap') && viewport !== null && viewport.zoom < HEATMAP_MAX_ZOOM;
  const cellsOn = on('grid-cells') || on('unpatrolled');

  const heatmap = useQuery({ ...heatmapQuery(heatmapOn ? { ...viewport, asOf } : null), enabled: heatmapOn });
  const cells = useQuery({ ...gridCellsQuery({ asOf }), enabled: cellsOn });
  const clusters = useQuery({ ...reboundClustersQuery(asOf), enabled: on('rebounds') });
  const blind = useQuery({ ...blindSpotsQuery(asOf), enabled: on('blind-spots') });
  const clusterLevel = on('venues') && viewport !== null ? venueClusterLevel(viewport.zoom) : null;
  // township bubbles come from the outlines every view already loads; cell bubbles from the cells
  const townships = useQuery({ ...townshipsQuery(), enabled: clusterLevel === 'township' });
  const clusterCells = useQuery({ ...gridCellsQuery({ asOf }), enabled: clusterLevel === 'cell' });

  const dashes = useMemo(() => noWorkerDashes(cells.data), [cells.data]);
  const zoom = viewport?.zoom ?? 0;
  const hatches = useMemo(() => gapHatches(blind.data, zoom), [blind.data, zoom]);
  const venueClusters = useMemo(
    () =>
      clusterLevel === 'township'
        ? clustersOf('township', townships.data?.features ?? [])
        : clusterLevel === 'cell'
          ? clustersOf('cell', clusterCells.data?.features ?? [])
          : [],
    [clusterLevel, townships.data, clusterCells.data],
  );
  const pulse = usePulse(on('rebounds') && clusters.data !== undefined && clusters.data.features.length > 0);

  const { layers: ids, selection } = state;
  const base = useMemo(
    () =>
      [
        heatmapLayer(heatmap.data, { layers: ids, zoom }),
        gridCellsLayer(cells.data, { layers: ids, selection }),
        noWorkerLayer(dashes, { layers: ids, selection }),
        unregisteredLayer(blind.data, { layers: ids }),
        gapOutlineLayer(blind.data, { layers: ids }),
        gapHatchLayer(hatches, { layers: ids }),
        unmatchedLayer(blind.data, { layers: ids }),
        unpatrolledLayer(cells.data, { layers: ids, selection, scale }),
      ].map(under),
    [heatmap.data, cells.data, blind.data, dashes, hatches, ids, selection, zoom, scale],
  );
  const layers: LayersList = useMemo(
    () => [
      ...base,
      venueClustersLayer(venueClusters, { layers: ids, zoom }),
      reboundsLayer(clusters.data, { layers: ids, selection, pulse, scale }),
      reboundLabelsLayer(clusters.data, { layers: ids, selection, pulse, scale }),
    ],
    [base, venueClusters, clusters.data, ids, selection, pulse, zoom, scale],
  );

  const active = [
    [heatmapOn, heatmap],
    [cellsOn, cells],
    [on('rebounds'), clusters],
    [on('blind-spots'), blind],
  ] as const;
  const complete = active.every(([shown, q]) => !shown || q.data !== undefined || q.isError);
  const failed = active.filter(([shown, q]) => shown && q.isError).map(([, q]) => q);
  return { layers, complete, failed };
}
