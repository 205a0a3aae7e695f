// Streets as a context layer: width by class (arterial > secondary > local), drawn beneath everything.
import type { LayerSpecification } from 'maplibre-gl';

export const STREETS_SOURCE = 'streets';

export function streetLayers(): LayerSpecification[] {
  return [
    {
      id: 'streets-line',
      type: 'line',
      source: STREETS_SOURCE,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'class'], 'arterial', '#c9ced6', 'secondary', '#d6dae0', '#e1e4e8'],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          10,
          ['match', ['get', 'class'], 'arterial', 1.5, 'secondary', 0.8, 0.3],
          16,
          ['match', ['get', 'class'], 'arterial', 10, 'secondary', 6, 3],
        ],
      },
    },
  ];
}
