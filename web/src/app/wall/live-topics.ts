// What each live event topic makes stale on the wall: the key prefix of the queries that show it
// (venues, hazards and township outlines the wall does not show; an import or a settings change
// resyncs everything anyway).
import { GRID_CELLS_KEY } from '../../features/grid-cells/grid-cells.queries.ts';
import { HEATMAP_KEY } from '../../features/heatmap/heatmap.queries.ts';
import { STATS_KEY } from '../../features/kpis/kpis.queries.ts';
import type { TopicKeys } from '../../features/live-events/use-live-events.ts';
import { REBOUNDS_KEY } from '../../features/rebounds/rebounds.queries.ts';

export const LIVE_TOPICS: TopicKeys = {
  kpis: STATS_KEY,
  'grid-cells': GRID_CELLS_KEY,
  heatmap: HEATMAP_KEY,
  rebounds: REBOUNDS_KEY,
};
