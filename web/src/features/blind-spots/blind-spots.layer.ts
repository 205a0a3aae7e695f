// The planner's blind spots: coverage gaps hatched, found-unregistered density per cell on a
// fixed scale, and reference points with no registered venue nearby.
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { BlindSpotsDto, Feature, Polygon, UnregisteredDensityProperties } from '@svm/contract';
import { rampColor, type Rgba } from '../../kit/map/color-scale.ts';
import { hatch, type Segment } from '../../kit/map/hatch.ts';
import { polygonParts, type PolygonPart } from '../../kit/map/polygon-parts.ts';
import type { LayerId } from '../../kit/state/view-state.ts';

export const GAPS_HATCH_LAYER_ID = 'blind-spots-gaps-hatch';
export const GAPS_OUTLINE_LAYER_ID = 'blind-spots-gaps-outline';
export const UNREGISTERED_LAYER_ID = 'blind-spots-unregistered';
export const UNMATCHED_LAYER_ID = 'blind-spots-unmatched';

export const GAP_COLOR: Rgba = [90, 60, 160, 230];
export const UNMATCHED_COLOR: Rgba = [0, 122, 204, 230];
/** Found-unregistered venues per km²: fixed domain, 0 to 20 and above. */
export const UNREGISTERED_DOMAIN: readonly [number, number] = [0, 20];
// pink to plum, apart from the patrol-age greens and oranges drawn beside it
export const UNREGISTERED_RAMP: readonly Rgba[] = [
  [252, 197, 192, 70],
  [247, 104, 161, 170],
  [122, 1, 119, 220],
];

// per cell, and a cell may have several parts
type Unregistered = PolygonPart<UnregisteredDensityProperties>;
type Unmatched = BlindSpotsDto['unmatchedReferencePoints']['features'][number];
interface BlindState {
  layers: readonly LayerId[];
}
const shown = (s: BlindState) => s.layers.includes('blind-spots');

/** Hatch lines about 10 px apart at this whole zoom over every coverage gap; computed once per data set and zoom. */
export function gapHatches(data: BlindSpotsDto | undefined, zoom: number): Segment[] {
  const spacingDeg = (10 * 360) / (512 * 2 ** zoom);
  return data?.coverageGaps.features.flatMap((f) => hatch(f.geometry.coordinates, spacingDeg)) ?? [];
}

export function gapHatchLayer(segments: Segment[], state: BlindState) {
  return new PathLayer<Segment>({
    id: GAPS_HATCH_LAYER_ID,
    data: segments,
    visible: shown(state),
    getPath: (s) => s,
    getColor: GAP_COLOR,
    getWidth: 1.5,
    widthUnits: 'pixels',
  });
}

export function gapOutlineLayer(data: BlindSpotsDto | undefined, state: BlindState) {
  return new PolygonLayer<Feature<Polygon, unknown>>({
    id: GAPS_OUTLINE_LAYER_ID,
    data: data?.coverageGaps.features ?? [],
    visible: shown(state),
    getPolygon: (f) => f.geometry.coordinates,
    filled: true,
    getFillColor: [...GAP_COLOR.slice(0, 3), 30] as Rgba,
    getLineColor: GAP_COLOR,
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
  });
}

export function unregisteredLayer(data: BlindSpotsDto | undefined, state: BlindState) {
  return new PolygonLayer<Unregistered>({
    id: UNREGISTERED_LAYER_ID,
    data: data ? polygonParts(data.unregisteredDensity.features) : [],
    visible: shown(state),
    getPolygon: (f) => f.polygon,
    getFillColor: (f) => rampColor(f.properties.perKm2, UNREGISTERED_DOMAIN, UNREGISTERED_RAMP),
    stroked: false,
    pickable: true,
  });
}

export function unmatchedLayer(data: BlindSpotsDto | undefined, state: BlindState) {
  return new ScatterplotLayer<Unmatched>({
    id: UNMATCHED_LAYER_ID,
    data: data?.unmatchedReferencePoints.features ?? [],
    visible: shown(state),
    getPosition: (f) => f.geometry.coordinates,
    getRadius: 4,
    radiusUnits: 'pixels',
    getFillColor: [255, 255, 255, 230],
    getLineColor: UNMATCHED_COLOR,
    stroked: true,
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
  });
}
