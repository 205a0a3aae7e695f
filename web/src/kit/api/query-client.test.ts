import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, WALL_GC_TIME_MS } from './query-client.ts';

afterEach(() => vi.useRealTimers());

describe('the query client', () => {
  it('on the wall forgets data no stop shows after WALL_GC_TIME_MS; the dashboard keeps it for 5 minutes', async () => {
    vi.useFakeTimers();
    const wall = createQueryClient({ gcTime: WALL_GC_TIME_MS });
    const dashboard = createQueryClient();
    // fetched once and never observed: each client's own garbage-collection time applies
    for (const client of [wall, dashboard])
      await client.prefetchQuery({ queryKey: ['heatmap', 'a township'], queryFn: () => [1, 2, 3] });
    await vi.advanceTimersByTimeAsync(WALL_GC_TIME_MS + 1);
    expect(wall.getQueryData(['heatmap', 'a township'])).toBeUndefined();
    expect(dashboard.getQueryData(['heatmap', 'a township'])).toEqual([1, 2, 3]);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(dashboard.getQueryData(['heatmap', 'a township'])).toBeUndefined();
  });
});
