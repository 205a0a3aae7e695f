// Timing primitives of the benchmark: medians and p95s of samples, runs at a fixed concurrency,
// and a seeded PRNG so every run asks the same random set of requests.
import { performance } from 'node:perf_hooks';

export interface Figures {
  n: number;
  medianMs: number;
  p95Ms: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function figures(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, medianMs: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)) };
}

export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Milliseconds `fn` took. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface Throughput extends Figures {
  concurrency: number;
  wallMs: number;
  perSecond: number;
}

/** Runs `fn` over every item with `concurrency` in flight; latency figures and items per second. */
export async function atConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<unknown>,
): Promise<Throughput> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        samples.push(await timed(() => fn(item)));
      }
    }),
  );
  const wallMs = performance.now() - started;
  return { ...figures(samples), concurrency, wallMs: round(wallMs), perSecond: round((items.length / wallMs) * 1000) };
}

/** mulberry32: a small deterministic PRNG; the same seed gives the same request set every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ratio = (a: number, b: number) => (b === 0 ? null : round(a / b, 3));
