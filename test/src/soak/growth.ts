// Growth of a sampled figure per hour, two ways: the least-squares slope over the samples, and
// the change between the means of the first and second half (each half spans at least one whole
// tour, so where the tour happens to be at a sample — which township's data is cached — averages
// out instead of tilting the slope). Both also as a share of the figure's mean.
export interface Sample {
  tSec: number;
  heapUsedMB: number;
  heapTotalMB: number;
  domNodes: number;
  listeners: number;
  canvases: number;
  tickerRows: number;
  status: string | null;
  stop: string | null;
  writes: number;
}

export function growthPerHour<S extends { tSec: number }>(samples: readonly S[], value: (s: S) => number) {
  const n = samples.length;
  const xs = samples.map((s) => s.tSec / 3600);
  const ys = samples.map(value);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / (v.length || 1);
  const mx = mean(xs);
  const my = mean(ys);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const perHour = n > 1 && sxx > 0 ? sxy / sxx : 0;
  const half = Math.floor(n / 2);
  const [a, b] = [ys.slice(0, half), ys.slice(n - half)];
  const hours = mean(xs.slice(n - half)) - mean(xs.slice(0, half));
  const halvesPerHour = half > 0 && hours > 0 ? (mean(b) - mean(a)) / hours : 0;
  return {
    samples: n,
    first: ys[0] ?? 0,
    last: ys[n - 1] ?? 0,
    mean: my,
    perHour,
    percentPerHour: my ? (perHour / my) * 100 : 0,
    firstHalfMean: mean(a),
    secondHalfMean: mean(b),
    halvesPerHour,
    halvesPercentPerHour: my ? (halvesPerHour / my) * 100 : 0,
  };
}
