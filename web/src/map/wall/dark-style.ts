// The wall's dark basemap: the built-in offline style with its background, streets and
// township outlines and names recoloured for a dark room (the layers themselves are reused).
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

type Paint = Record<string, unknown>;

// by layer id: paint properties to replace (ids from web/src/features/{streets,townships}/*.layer.ts)
const DARK: Record<string, Paint> = {
  background: { 'background-color': '#070d18' },
  'streets-line': {
    'line-color': ['match', ['get', 'class'], 'arterial', '#2b3a52', 'secondary', '#223047', '#1a2538'],
  },
  'townships-fill': { 'fill-color': '#5b8fd1', 'fill-opacity': 0.06 },
  'townships-outline': { 'line-color': '#6f9bd6', 'line-opacity': 0.75 },
  'townships-selected': { 'line-color': '#e8eef8', 'line-width': 5, 'line-opacity': 0.9 },
  'townships-labels': { 'text-color': '#dbe6f5', 'text-halo-color': '#070d18', 'text-halo-width': 2 },
};

/** How much larger than at 1920 px the wall draws its map's labels and outlines (never smaller). */
export const wallScale = (width: number) => Math.max(1, width / 1920);

/**
 * The dark style for a screen `width` CSS pixels wide: labels large enough to read across a
 * room, and labels and outlines scaled with the screen past 1920 px, so a 3840 px wall reads like
 * a 1920 px one, only sharper (MapLibre sizes are in CSS pixels).
 */
export function darkStyle(style: StyleSpecification, width = window.innerWidth): StyleSpecification {
  const k = wallScale(width);
  const labelSize = ['interpolate', ['linear'], ['zoom'], 9, 16 * k, 14, 28 * k];
  const outlineWidth = ['interpolate', ['linear'], ['zoom'], 9, 1.5 * k, 14, 3.5 * k];
  const layers = style.layers.map((layer): LayerSpecification => {
    const paint = DARK[layer.id];
    if (!paint) return layer;
    const recoloured = {
      ...layer,
      paint: { ...('paint' in layer ? layer.paint : {}), ...paint },
    } as LayerSpecification;
    if (layer.id === 'townships-labels' && recoloured.type === 'symbol') {
      return { ...recoloured, layout: { ...recoloured.layout, 'text-size': labelSize as never } };
    }
    if (layer.id === 'townships-outline' && recoloured.type === 'line') {
      return { ...recoloured, paint: { ...recoloured.paint, 'line-width': outlineWidth as never } };
    }
    return recoloured;
  });
  return { ...style, name: `${style.name ?? 'svm'}-dark`, layers };
}
