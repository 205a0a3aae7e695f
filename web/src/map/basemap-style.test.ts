import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { asStyle, mergeBasemap, resolveUrl } from './basemap-style.ts';
import { offlineStyle } from './offline-style.ts';

const STYLE_URL = 'https://tiles.city.example/styles/basic/style.json';
const ours = offlineStyle({
  lang: 'zh-CN',
  origin: 'https://svm.example',
  asOf: undefined,
  layers: ['heatmap', 'venues'],
});

const basemap = (): StyleSpecification => ({
  version: 8,
  name: 'city basic',
  center: [0, 0],
  zoom: 2,
  pitch: 40,
  projection: { type: 'globe' },
  glyphs: '../../fonts/{fontstack}/{range}.pbf',
  sprite: 'sprites/basic',
  sources: {
    land: { type: 'vector', url: 'tilejson/land.json' },
    // the same id as our township source
    townships: { type: 'raster', tiles: ['https://other.example/t/{z}/{x}/{y}.png'], tileSize: 256 },
    water: { type: 'geojson', data: '/data/water.geojson' },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#abcdef' } },
    { id: 'land', type: 'fill', source: 'land', 'source-layer': 'land' },
    { id: 'townships-outline', type: 'raster', source: 'townships' },
    { id: 'water', type: 'fill', source: 'water' },
  ],
});

describe('a deployment basemap under our layers', () => {
  it("draws the basemap's layers first, then ours without our plain background and the seed's streets", () => {
    const merged = mergeBasemap(basemap(), ours, STYLE_URL);
    const ids = merged.layers.map((l) => l.id);
    // the basemap's background is its own (ours is dropped); its clashing outline layer is renamed
    expect(ids.slice(0, 4)).toEqual(['background', 'land', 'basemap-townships-outline', 'water']);
    expect(merged.layers[0]).toMatchObject({ paint: { 'background-color': '#abcdef' } });
    const oursKept = ours.layers.filter((l) => l.type !== 'background' && l.id !== 'streets-line').map((l) => l.id);
    expect(ids.slice(4)).toEqual(oursKept);
    expect(ids).not.toContain('streets-line');
    // our names stay on top
    expect(ids.at(-1)).toBe('townships-labels');
  });

  it('keeps our source ids and moves a basemap source that clashes, with its layers', () => {
    const merged = mergeBasemap(basemap(), ours, STYLE_URL);
    expect(merged.sources['townships']).toEqual(ours.sources['townships']);
    expect(merged.sources['basemap-townships']).toMatchObject({
      type: 'raster',
      tiles: ['https://other.example/t/{z}/{x}/{y}.png'],
    });
    expect(merged.layers.find((l) => l.id === 'basemap-townships-outline')).toMatchObject({
      source: 'basemap-townships',
    });
    for (const id of Object.keys(ours.sources)) expect(merged.sources[id]).toEqual(ours.sources[id]);
  });

  it("makes the basemap's relative URLs absolute against the style's own URL, templates intact", () => {
    const merged = mergeBasemap(basemap(), ours, STYLE_URL);
    expect(merged.glyphs).toBe('https://tiles.city.example/fonts/{fontstack}/{range}.pbf');
    expect(merged.sprite).toBe('https://tiles.city.example/styles/basic/sprites/basic');
    expect(merged.sources['land']).toMatchObject({ url: 'https://tiles.city.example/styles/basic/tilejson/land.json' });
    expect(merged.sources['water']).toMatchObject({ data: 'https://tiles.city.example/data/water.geojson' });
    expect(resolveUrl('tiles/{z}/{x}/{y}.pbf', STYLE_URL)).toBe(
      'https://tiles.city.example/styles/basic/tiles/{z}/{x}/{y}.pbf',
    );
  });

  it("keeps the dashboard's camera and flat Mercator map (no basemap centre, pitch or globe)", () => {
    const merged = mergeBasemap(basemap(), ours, STYLE_URL);
    expect(merged).not.toHaveProperty('center');
    expect(merged).not.toHaveProperty('zoom');
    expect(merged).not.toHaveProperty('pitch');
    expect(merged).not.toHaveProperty('projection');
  });

  it('refuses what is not a version 8 style, saying why', () => {
    expect(() => asStyle('<html>')).toThrow('not a JSON object');
    expect(() => asStyle({ version: 7, sources: {}, layers: [] })).toThrow('style version 7, not 8');
    expect(() => asStyle({ version: 8, layers: [] })).toThrow('no sources object');
    expect(() => asStyle({ version: 8, sources: {} })).toThrow('no layers array');
    expect(asStyle(basemap()).name).toBe('city basic');
  });
});
