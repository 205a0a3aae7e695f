import { describe, expect, it } from 'vitest';
import { densityColor } from './heatmap.layer.ts';
import {
  KERNEL_RADIUS_M,
  STREET_INTENSITY,
  streetHeatmapColor,
  streetHeatmapLayers,
  streetHeatmapRadius,
} from './street-heatmap.layer.ts';
import { toCss } from '../../kit/map/color-scale.ts';

/** MapLibre's heatmap shaders, written out: one point's value at distance d (in radii), cut where it falls under 1/4080. */
function kernel(weight: number, d: number): number {
  const ZERO = 1 / 255 / 16;
  const coef = 1 / Math.sqrt(2 * Math.PI);
  const reach = Math.sqrt(-2 * Math.log(ZERO / weight / STREET_INTENSITY / coef)) / 3;
  return d > reach ? 0 : weight * STREET_INTENSITY * coef * Math.exp(-4.5 * d * d);
}

describe('the street-zoom heatmap', () => {
  it("sums venues spread at 400 weight per km² to heatmap-density 0.4, the city bins' scale (1000 per km² = 1)", () => {
    // low-risk venues (weight 1) on a 50 m grid: one per 2,500 m², i.e. 400 per km²
    let sum = 0;
    for (let i = -20; i <= 20; i += 1) {
      for (let j = -20; j <= 20; j += 1) sum += kernel(1, Math.hypot(i * 50, j * 50) / KERNEL_RADIUS_M);
    }
    expect(sum).toBeCloseTo(0.4, 1);
    expect(Math.abs(sum - 0.4) / 0.4).toBeLessThan(0.03);
  });

  it('keeps the kernel 250 m on the ground: its radius in pixels doubles per zoom, about 30 px at zoom 13 at latitude 30°', () => {
    const [, , , z13, px13, z16, px16] = streetHeatmapRadius(30) as [
      string,
      unknown,
      unknown,
      number,
      number,
      number,
      number,
    ];
    // 512-px world: 2π·6378137·cos 30° / (512·2^13) = 8.29 m a pixel, 250 m = 30.2 px
    expect(z13).toBe(13);
    expect(px13).toBeCloseTo(30.2, 1);
    expect(z16).toBe(16);
    expect(px16 / px13).toBeCloseTo(8, 6);
  });

  it('colours a density like the city bins do, and draws nothing where there is none', () => {
    const expr = streetHeatmapColor() as unknown[];
    expect(expr.slice(0, 5)).toEqual(['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0, 0, 0, 0)']);
    const stops = expr.slice(5);
    // the last stop is the domain's top (1000 per km² at density 1) in the ramp's top colour
    expect(stops.at(-2)).toBeCloseTo(1, 9);
    expect(stops.at(-1)).toBe(toCss(densityColor(999.999999)));
    // a middle stop: its density (× 1000 = weight per km²) has the city bins' colour for that density
    const [at, colour] = [stops[18] as number, stops[19] as string];
    expect(colour).toBe(toCss(densityColor(at * 1000)));
  });

  it('follows the heatmap switch', () => {
    expect(streetHeatmapLayers(['heatmap'], 30)[0]?.layout).toEqual({ visibility: 'visible' });
    expect(streetHeatmapLayers(['venues'], 30)[0]?.layout).toEqual({ visibility: 'none' });
  });
});
