import type { GridCellCollection, HeatmapDto } from '@svm/contract';
import { describe, expect, it } from 'vitest';
import { gapHatchLayer, unmatchedLayer, UNMATCHED_LAYER_ID } from '../features/blind-spots/blind-spots.layer.ts';
import {
  GRID_CELLS_LAYER_ID,
  gridCellsLayer,
  patrolAgeColor,
  noWorkerDashes,
  PATROL_AGE_BINS,
  UNPATROLLED_LAYER_ID,
  unpatrolledLayer,
} from '../features/grid-cells/grid-cells.layer.ts';
import { densityColor, HEATMAP_LAYER_ID, heatmapLayer } from '../features/heatmap/heatmap.layer.ts';
import { REBOUNDS_LAYER_ID, reboundLabelsLayer, reboundsLayer } from '../features/rebounds/rebounds.layer.ts';

const square = (x: number, y: number): [number, number][][] => [
  [
    [x, y],
    [x + 0.01, y],
    [x + 0.01, y + 0.01],
    [x, y + 0.01],
    [x, y],
  ],
];

function heatmap(densities: number[]): HeatmapDto {
  return {
    type: 'FeatureCollection',
    zoom: 10,
    binSizeM: 1000,
    asOf: '2026-11-30T00:00:00Z',
    weights: { high: 3, medium: 2, low: 1, openHazard: 2 },
    densityDomain: [0, 1000],
    features: densities.map((density, i) => ({
      type: 'Feature',
      id: i + 1,
      geometry: { type: 'Polygon', coordinates: square(121 + i * 0.01, 30) },
      properties: { weight: density, density, venues: 1, openHazards: 0, centroid: [121, 30] },
    })),
  };
}

function cells(days: (number | null)[]): GridCellCollection {
  return {
    type: 'FeatureCollection',
    asOf: '2026-11-30T00:00:00Z',
    features: days.map((d, i) => ({
      type: 'Feature',
      id: i + 1,
      geometry: { type: 'MultiPolygon', coordinates: [square(121 + i * 0.01, 30)] },
      properties: {
        id: i + 1,
        code: `C${i + 1}`,
        name: `cell ${i + 1}`,
        townshipId: 1,
        workerName: null,
        worker: null,
        lastPatrolAt: null,
        daysSincePatrol: d,
        unpatrolled: d === null || d > 7,
        venueCount: 0,
        overdueVenueCount: 0,
        overdueShare: 0,
      },
    })) as GridCellCollection['features'],
  };
}

describe('the risk heatmap layer', () => {
  it('keeps its id and is visible only with the heatmap on and zoomed out below 13', () => {
    const data = heatmap([10]);
    expect(heatmapLayer(data, { layers: ['heatmap'], zoom: 10 }).id).toBe(HEATMAP_LAYER_ID);
    expect(heatmapLayer(data, { layers: ['heatmap'], zoom: 10 }).props.visible).toBe(true);
    expect(heatmapLayer(data, { layers: ['heatmap'], zoom: 13 }).props.visible).toBe(false);
    expect(heatmapLayer(data, { layers: ['venues'], zoom: 10 }).props.visible).toBe(false);
  });

  it('gives a density the same colour whatever else the data holds (fixed domain, no rescaling)', () => {
    const sparse = heatmapLayer(heatmap([250, 5]), { layers: ['heatmap'], zoom: 10 });
    const dense = heatmapLayer(heatmap([250, 9000]), { layers: ['heatmap'], zoom: 10 });
    const colorOf = (layer: typeof sparse) => {
      const get = layer.props.getFillColor;
      const bin = layer.props.data;
      if (typeof get !== 'function' || !Array.isArray(bin)) throw new Error('expected an accessor and an array');
      return get(bin[0], { index: 0, data: bin, target: [] });
    };
    expect(colorOf(sparse)).toEqual(colorOf(dense));
    expect(colorOf(sparse)).toEqual(densityColor(250));
    // above the domain is the top colour, not a new maximum
    expect(densityColor(9000)).toEqual(densityColor(1000));
    expect(densityColor(10)).not.toEqual(densityColor(100));
  });
});

describe('the grid cell layers', () => {
  it('colour cells by fixed bins of days since the last patrol, with never patrolled apart', () => {
    expect(patrolAgeColor(0)).toEqual(PATROL_AGE_BINS[0]!.color);
    expect(patrolAgeColor(3)).toEqual(PATROL_AGE_BINS[0]!.color);
    expect(patrolAgeColor(4)).toEqual(PATROL_AGE_BINS[1]!.color);
    expect(patrolAgeColor(14)).toEqual(PATROL_AGE_BINS[2]!.color);
    expect(patrolAgeColor(30)).toEqual(PATROL_AGE_BINS[3]!.color);
    expect(patrolAgeColor(31)).toEqual(PATROL_AGE_BINS[4]!.color);
    expect(patrolAgeColor(null)).toEqual(PATROL_AGE_BINS[5]!.color);
  });

  it('follow their own toggles and outline only the unpatrolled cells', () => {
    const data = cells([1, 9, null]);
    const fill = gridCellsLayer(data, { layers: ['grid-cells'], selection: null });
    const outline = unpatrolledLayer(data, { layers: ['grid-cells'], selection: null });
    expect([fill.id, fill.props.visible]).toEqual([GRID_CELLS_LAYER_ID, true]);
    expect([outline.id, outline.props.visible]).toEqual([UNPATROLLED_LAYER_ID, false]);
    expect(unpatrolledLayer(data, { layers: ['unpatrolled'], selection: null }).props.visible).toBe(true);
    expect((outline.props.data as unknown[]).length).toBe(2);
  });
});

describe('a grid cell of two parts (split by a river)', () => {
  // cell 1: two 0.01° squares at 121.00°E and 121.03°E, 7 days since its patrol, no worker
  const split = (): GridCellCollection => {
    const data = cells([7]);
    data.features[0]!.geometry = { type: 'MultiPolygon', coordinates: [square(121, 30), square(121.03, 30)] };
    return data;
  };

  it('draws both parts as the cell, and picking either answers the cell', () => {
    const fill = gridCellsLayer(split(), { layers: ['grid-cells'], selection: null });
    const parts = fill.props.data as { properties: { id: number }; polygon: [number, number][][] }[];
    expect(parts.map((p) => [p.properties.id, p.polygon[0]![0]])).toEqual([
      [1, [121, 30]],
      [1, [121.03, 30]],
    ]);
  });

  it('keeps the same data array for the same response, so deck.gl rebuilds nothing', () => {
    const data = split();
    const a = gridCellsLayer(data, { layers: ['grid-cells'], selection: null });
    const b = gridCellsLayer(data, { layers: ['grid-cells'], selection: { kind: 'cell', id: 1 } });
    expect(b.props.data).toBe(a.props.data);
    expect(unpatrolledLayer(data, { layers: [], selection: null }).props.data).toEqual([]);
  });

  it('dashes the outline of both parts of a cell nobody walks', () => {
    // each 0.01° square's ring is 0.04° of outline in latitude-degree units scaled at 30°N: both give dashes
    const dashes = noWorkerDashes(split());
    expect(dashes.some((d) => d[0]![0] < 121.02)).toBe(true);
    expect(dashes.some((d) => d[0]![0] >= 121.03)).toBe(true);
    expect(dashes.length).toBe(2 * noWorkerDashes(cells([7])).length);
  });
});

describe('the rebound and blind-spot layers', () => {
  it('keep stable ids and hide, not vanish, when their layer is off', () => {
    const on = reboundsLayer(undefined, { layers: ['rebounds'], selection: null, pulse: 0 });
    const off = reboundsLayer(undefined, { layers: [], selection: null, pulse: 0.5 });
    expect([on.id, on.props.visible, off.id, off.props.visible]).toEqual([
      REBOUNDS_LAYER_ID,
      true,
      REBOUNDS_LAYER_ID,
      false,
    ]);
    expect(unmatchedLayer(undefined, { layers: ['blind-spots'] }).id).toBe(UNMATCHED_LAYER_ID);
    expect(gapHatchLayer([], { layers: [] }).props.visible).toBe(false);
  });

  it('draws rebound labels and unpatrolled outlines twice as large at scale 2 (a 3840 px wall)', () => {
    const state = { layers: ['rebounds', 'unpatrolled'] as const, selection: null, pulse: 0 };
    // at 1920 px: 18 px labels padded 6×2 px, 3 px outlines at least 2 px wide
    expect(reboundLabelsLayer(undefined, state).props).toMatchObject({ getSize: 18, backgroundPadding: [6, 2] });
    expect(reboundLabelsLayer(undefined, { ...state, scale: 2 }).props).toMatchObject({
      getSize: 36,
      backgroundPadding: [12, 4],
    });
    expect(unpatrolledLayer(undefined, state).props).toMatchObject({ getLineWidth: 3, lineWidthMinPixels: 2 });
    expect(unpatrolledLayer(undefined, { ...state, scale: 2 }).props).toMatchObject({
      getLineWidth: 6,
      lineWidthMinPixels: 4,
    });
  });
});
