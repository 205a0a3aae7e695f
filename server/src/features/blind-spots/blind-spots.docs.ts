// OpenAPI description of the blind-spot route, from the schema it validates with.
import { blindSpotsQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const blindSpotsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/blind-spots',
    summary: 'Where the census, the grid or the patrols do not reach, as of a moment',
    description:
      'Layers: coverageGaps (township parts no cell covers, ≥ 100 m²), cellsWithoutWorker, unregisteredDensity ' +
      "(per cell, per km²), unmatchedReferencePoints (no venue within the policy's reference_match_m), unpatrolledCells, misgradedVenues.",
    tags: ['blind-spots'],
    query: blindSpotsQuerySchema,
    responses: {
      200: {
        description: '{ asOf, referenceMatchMetres, counts, <one GeoJSON FeatureCollection per layer> }',
        mediaType: 'application/json',
      },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description:
          'a department account (grid cells are territorial: they count every venue and patrol in them), or a township account naming another township',
        mediaType: 'application/problem+json',
      },
    },
  },
];
