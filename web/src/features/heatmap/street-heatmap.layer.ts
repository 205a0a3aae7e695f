// The risk heatmap at street zoom: a MapLibre heatmap over the venue tiles (the server's bins
// are too coarse there), on the same fixed density domain and colour ramp as the city bins.
// MapLibre's heatmap does not rescale per viewport: a point adds weight × intensity × a Gaussian
// kernel, so with the radius held at a fixed distance on the ground (doubling per zoom) and a fixed
// intensity, a heatmap-density value is a weight per km² whatever the zoom or place.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
// the numbers only: the contract's index would bundle zod and every schema
import { HEATMAP_WEIGHTS } from '@svm/contract/heatmap-scale';
import type { LayerId } from '../../kit/state/view-state.ts';
import { VENUES_SOURCE, VENUES_SOURCE_LAYER } from '../../kit/map/tile-sources.ts';
import { DENSITY_DOMAIN, HEATMAP_MAX_ZOOM, densityColor } from './heatmap.layer.ts';
import { logRampValue, toCss } from '../../kit/map/color-scale.ts';
import { boundsOf } from '../../kit/map/bounds.ts';
import type { Geometry } from '@svm/contract';

export const STREET_HEATMAP_LAYER = 'heatmap-street';
/** The kernel's reach on the ground: about a street block, so a hotspot reads as one glow. */
export const KERNEL_RADIUS_M = 250;
/**
 * ∫ of MapLibre's kernel (1/√(2π)·exp(−4.5·d²) for d = distance/radius ≤ 1) over the disc, per
 * radius²: 2π/9 · (1 − e^−4.5) / √(2π). A uniform density ρ per m² thus sums to
 * ρ · KERNEL_AREA · R² under any point.
 */
export const KERNEL_AREA = (((2 * Math.PI) / 9) * (1 - Math.exp(-4.5))) / Math.sqrt(2 * Math.PI);
/** heatmap-intensity that puts the domain's top (weight per km²) at heatmap-density 1. */
export const STREET_INTENSITY = 1 / ((DENSITY_DOMAIN[1] / 1e6) * KERNEL_AREA * KERNEL_RADIUS_M ** 2);

/** Metres per pixel of MapLibre's 512-px world at zoom z and latitude lat. */
const metresPerPixel = (zoom: number, lat: number) =>
  (2 * Math.PI * 6378137 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

/** The middle latitude of the city's townships (null before any arrive). */
export function cityLatitude(townships: { features: readonly { geometry: Geometry }[] }): number | null {
  const box = boundsOf(townships.features);
  return box ? (box[1] + box[3]) / 2 : null;
}

/** The kernel radius in pixels, doubling per zoom so it stays KERNEL_RADIUS_M on the ground. */
export function streetHeatmapRadius(lat: number): ExpressionSpecification {
  const at = (z: number) => KERNEL_RADIUS_M / metresPerPixel(z, lat);
  return ['interpolate', ['exponential', 2], ['zoom'], HEATMAP_MAX_ZOOM, at(HEATMAP_MAX_ZOOM), 16, at(16)];
}

/** Where on the log ramp the colour stops sit: every 5 %, so the linear steps between them follow the log curve. */
const RAMP_STOPS = Array.from({ length: 20 }, (_, i) => (i + 1) / 20);

/**
 * heatmap-density (a share of the domain's top, linear) to the city bins' colours, which are log
 * scaled: a stop every 5 % of the log ramp, transparent where there is nothing.
 */
export function streetHeatmapColor(): ExpressionSpecification {
  const stops = RAMP_STOPS.flatMap((t) => {
    const density = logRampValue(t, DENSITY_DOMAIN);
    return [density / DENSITY_DOMAIN[1], toCss(densityColor(density))];
  });
  return ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0, 0, 0, 0)', ...stops];
}

/** Weight of a venue by its assigned risk level, as the server's bins count it (open hazards are not in the tiles). */
const weight: ExpressionSpecification = [
  'match',
  ['get', 'riskLevel'],
  'high',
  HEATMAP_WEIGHTS.high,
  'medium',
  HEATMAP_WEIGHTS.medium,
  HEATMAP_WEIGHTS.low,
];

export const streetHeatmapVisible = (layers: readonly LayerId[]) => layers.includes('heatmap');

export function streetHeatmapLayers(layers: readonly LayerId[], lat: number): LayerSpecification[] {
  return [
    {
      id: STREET_HEATMAP_LAYER,
      type: 'heatmap',
      source: VENUES_SOURCE,
      'source-layer': VENUES_SOURCE_LAYER,
      minzoom: HEATMAP_MAX_ZOOM,
      layout: { visibility: streetHeatmapVisible(layers) ? 'visible' : 'none' },
      paint: {
        'heatmap-weight': weight,
        'heatmap-intensity': STREET_INTENSITY,
        'heatmap-radius': streetHeatmapRadius(lat),
        'heatmap-color': streetHeatmapColor(),
        'heatmap-opacity': 0.85,
      },
    },
  ];
}
