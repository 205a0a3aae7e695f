// Grid cell outlines as a MapLibre layer with a stable id.
import type { LayerSpecification } from 'maplibre-gl';

export const GRID_CELLS_SOURCE = 'grid-cells';

export function gridCellLayers(): LayerSpecification[] {
  return [
    {
      id: 'grid-cells-outline',
      type: 'line',
      source: GRID_CELLS_SOURCE,
      // cells only become readable once zoomed in; at city scale they would be a grey mesh
      minzoom: 10,
      paint: {
        'line-color': '#7d8aa0',
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 15, 1.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 13, 0.8],
      },
    },
  ];
}
