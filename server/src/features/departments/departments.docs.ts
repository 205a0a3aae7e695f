// OpenAPI description of the industry department routes, from the schemas they validate with.
import { departmentCreateSchema, departmentParamSchema, departmentUpdateSchema } from '@svm/contract';
import { writeErrors, type RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';

export const departmentsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/departments',
    summary: 'The industry departments and the venue categories each signs off; the same for every signed-in account',
    description: 'Ordered by code. A department account names its department by code.',
    tags: ['workflow'],
    responses: { 200: { description: 'DepartmentDto[]', mediaType: J } },
  },
  {
    method: 'post',
    path: '/api/departments',
    summary: 'Add an industry department (administrator)',
    description: 'Codes are 1-40 letters, digits, ".", "-" or "_" and compare case-sensitively; they never change.',
    tags: ['workflow'],
    body: { schema: departmentCreateSchema },
    responses: {
      201: { description: 'DepartmentDto', mediaType: J },
      ...writeErrors,
      409: { description: 'the code is taken', mediaType: P },
    },
  },
  {
    method: 'patch',
    path: '/api/departments/{code}',
    summary: 'Rename an industry department or change the categories it signs off (administrator)',
    tags: ['workflow'],
    params: departmentParamSchema,
    body: { schema: departmentUpdateSchema },
    responses: {
      200: { description: 'DepartmentDto', mediaType: J },
      ...writeErrors,
      404: { description: 'unknown department', mediaType: P },
    },
  },
];
