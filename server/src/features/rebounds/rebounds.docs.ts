// OpenAPI description of the rebound routes, from the schemas they validate with.
import { reboundClustersQuerySchema, reboundStatsQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const reboundsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/rebounds/clusters',
    summary: "DBSCAN clusters of rebound hazards found in [from, to), computed in metres (the city's own UTM zone)",
    description:
      'Defaults from the policy: the cluster window (90 days) before asOf, eps 300 m (1-5000), minPoints 3 (1-100). ' +
      'With `township`, clusters touching it are returned whole.',
    tags: ['rebounds'],
    query: reboundClustersQuerySchema,
    responses: {
      200: {
        description:
          'GeoJSON FeatureCollection of hull polygons: id, memberCount, hazardIds, venueIds, dominantTypes, townships, centroid; plus `parameters`',
        mediaType: 'application/json',
      },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description: 'a township account naming a township other than its own',
        mediaType: 'application/problem+json',
      },
    },
  },
  {
    method: 'get',
    path: '/api/rebounds/stats',
    summary: 'Rebound rate (cohort by closing date) by month or quarter, township, hazard type and venue category',
    description:
      'Default range: the year before `to` (default asOf). Months and quarters start at local midnight on the 1st in the ' +
      "city's zone (CITY_TZ). Periods ending less than one rebound window before asOf are provisional.",
    tags: ['rebounds'],
    query: reboundStatsQuerySchema,
    responses: {
      200: {
        description:
          '{ from, to, asOf, period, reboundWindowDays, provisional, periods, byTownship, byHazardType, byCategory }',
        mediaType: 'application/json',
      },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description: 'a township account naming a township other than its own',
        mediaType: 'application/problem+json',
      },
    },
  },
];
