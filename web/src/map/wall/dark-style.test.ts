import { describe, expect, it } from 'vitest';
import { offlineStyle } from '../offline-style.ts';
import { darkStyle } from './dark-style.ts';

const base = () => offlineStyle({ lang: 'zh-CN', origin: 'http://localhost', asOf: undefined, layers: ['heatmap'] });
const layer = (style: ReturnType<typeof base>, id: string) =>
  style.layers.find((l) => l.id === id) as unknown as Record<string, Record<string, unknown>>;

describe('the wall’s dark basemap', () => {
  it('recolours the built-in style’s background and township names and keeps every layer', () => {
    const dark = darkStyle(base(), 1920);
    expect(dark.layers.map((l) => l.id)).toEqual(base().layers.map((l) => l.id));
    expect(layer(dark, 'background')!.paint!['background-color']).toBe('#070d18');
    expect(layer(dark, 'townships-labels')!.paint!['text-color']).toBe('#dbe6f5');
  });

  it('doubles label sizes and outline widths on a 3840 px wall, so it reads like a 1920 px one', () => {
    // text-size stops: zoom 9 → 16 px and zoom 14 → 28 px at 1920, twice that at 3840
    expect(layer(darkStyle(base(), 1920), 'townships-labels')!.layout!['text-size']).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      9,
      16,
      14,
      28,
    ]);
    expect(layer(darkStyle(base(), 3840), 'townships-labels')!.layout!['text-size']).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      9,
      32,
      14,
      56,
    ]);
    expect(layer(darkStyle(base(), 3840), 'townships-outline')!.paint!['line-width']).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      9,
      3,
      14,
      7,
    ]);
  });
});
