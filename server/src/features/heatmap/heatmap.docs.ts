// OpenAPI description of the heatmap route, from the schema it validates with.
import { heatmapQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const heatmapDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/heatmap/risk',
    summary:
      "Risk intensity in square bins (metres in the city's own UTM zone) sized by zoom: 2000 m at z9, halving per level, 100-16000 m",
    description:
      'Weights: an active venue high 3, medium 2, low 1; each hazard open as of asOf 2. Colour by `density` ' +
      '(weight per km²) on the fixed domain 0-1000.',
    tags: ['heatmap'],
    query: heatmapQuerySchema,
    responses: {
      200: {
        description: 'GeoJSON FeatureCollection of bin polygons: weight, density, venues, openHazards, centroid',
        mediaType: 'application/json',
      },
    },
  },
];
