import { describe, expect, it } from 'vitest';
import { gridCellsQuery } from '../../features/grid-cells/grid-cells.queries.ts';
import { heatmapQuery } from '../../features/heatmap/heatmap.queries.ts';
import { summaryQuery } from '../../features/kpis/kpis.queries.ts';
import { reboundClustersQuery } from '../../features/rebounds/rebounds.queries.ts';
import { NO_WINDOW } from '../../kit/api/api.ts';
import { LIVE_TOPICS } from './live-topics.ts';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[] | undefined) =>
  prefix !== undefined && prefix.every((part, i) => key[i] === part);

describe('the wall’s live invalidation', () => {
  it('names a prefix of the query key of everything the wall shows', () => {
    expect(startsWith(summaryQuery(NO_WINDOW, null).queryKey, LIVE_TOPICS.kpis)).toBe(true);
    expect(startsWith(summaryQuery(NO_WINDOW, 3).queryKey, LIVE_TOPICS.kpis)).toBe(true);
    expect(startsWith(gridCellsQuery({}).queryKey, LIVE_TOPICS['grid-cells'])).toBe(true);
    expect(
      startsWith(heatmapQuery({ bbox: [0, 0, 1, 1], zoom: 10, asOf: undefined }).queryKey, LIVE_TOPICS.heatmap),
    ).toBe(true);
    expect(startsWith(reboundClustersQuery(undefined).queryKey, LIVE_TOPICS.rebounds)).toBe(true);
  });
});
