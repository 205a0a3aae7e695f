// Fixed colour scales for the map's data layers: a value maps to the same colour whatever
// else is on screen, so two places and two days compare by eye (no per-viewport rescaling).
export type Rgba = [number, number, number, number];

/** The colour for `value` on `ramp` spread evenly over `[min, max]`; values outside are clamped. */
export function rampColor(value: number, domain: readonly [number, number], ramp: readonly Rgba[]): Rgba {
  const [min, max] = domain;
  const last = ramp.length - 1;
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
  const at = t * last;
  const i = Math.min(last - 1, Math.floor(at));
  const a = ramp[i] ?? ramp[0]!;
  const b = ramp[i + 1] ?? a;
  const f = at - i;
  return [0, 1, 2, 3].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as Rgba;
}

/**
 * The same on a logarithmic scale (log(1 + v) over the fixed domain): densities span three
 * orders of magnitude, and a linear ramp would paint all but the densest bins alike.
 */
export function logRampColor(value: number, domain: readonly [number, number], ramp: readonly Rgba[]): Rgba {
  const [min, max] = domain;
  const t = Math.log1p(Math.max(0, value - min)) / Math.log1p(Math.max(1e-9, max - min));
  return rampColor(t, [0, 1], ramp);
}

/** The domain value at fraction `t` of a log scale (for legend ticks). */
export const logRampValue = (t: number, [min, max]: readonly [number, number]) =>
  min + Math.expm1(t * Math.log1p(max - min));

/** Yellow to deep red, translucent at the low end so the township base stays readable. */
export const RISK_RAMP: readonly Rgba[] = [
  [255, 240, 160, 110],
  [254, 204, 92, 140],
  [253, 141, 60, 180],
  [240, 59, 32, 205],
  [177, 0, 38, 225],
];

export const toCss = ([r, g, b, a]: Rgba) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
