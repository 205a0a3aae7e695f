// OpenAPI description of the hazard catalogue's routes, from the schemas they validate with.
import {
  hazardTypeCreateSchema,
  hazardTypeParamSchema,
  hazardTypeQuerySchema,
  hazardTypeUpdateSchema,
} from '@svm/contract';
import { writeErrors, type RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';

export const hazardTypesDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/hazard-types',
    summary: 'The hazard catalogue, retired types flagged; the same for every signed-in account',
    description:
      'Ordered by code. Codes are 1-64 letters, digits, ".", "-" or "_" and compare case-sensitively. ' +
      'q matches part of the code or a name; retired=true lists retired types only, false those in use.',
    tags: ['workflow'],
    query: hazardTypeQuerySchema,
    responses: { 200: { description: 'HazardTypeDto[]', mediaType: J } },
  },
  {
    method: 'post',
    path: '/api/hazard-types',
    summary: 'Add a hazard type (administrator)',
    tags: ['workflow'],
    body: { schema: hazardTypeCreateSchema },
    responses: {
      201: { description: 'HazardTypeDto', mediaType: J },
      ...writeErrors,
      409: { description: 'the code is taken (case-sensitively)', mediaType: P },
    },
  },
  {
    method: 'patch',
    path: '/api/hazard-types/{code}',
    summary: 'Rename, change severity or categories, retire or bring back a hazard type (administrator)',
    description: 'A new code is refused (409) while any hazard has the type: add a new type and retire this one.',
    tags: ['workflow'],
    params: hazardTypeParamSchema,
    body: { schema: hazardTypeUpdateSchema },
    responses: {
      200: { description: 'HazardTypeDto', mediaType: J },
      ...writeErrors,
      404: { description: 'unknown type', mediaType: P },
      409: { description: 'a new code for a type hazards have, or a code already taken', mediaType: P },
    },
  },
  {
    method: 'delete',
    path: '/api/hazard-types/{code}',
    summary: 'Delete a hazard type no hazard has (administrator); a used type is retired instead',
    tags: ['workflow'],
    params: hazardTypeParamSchema,
    responses: {
      204: { description: 'deleted' },
      ...writeErrors,
      404: { description: 'unknown type', mediaType: P },
      409: { description: 'hazards have the type', mediaType: P },
    },
  },
];
