// OpenAPI description of the programme's parameters (patrol policy, grading rules), from the
// schemas they validate with.
import { gradingRuleParamSchema, gradingRuleUpdateSchema, policyUpdateSchema } from '@svm/contract';
import { writeErrors, type RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';

export const policyDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/policy',
    summary: 'The patrol policy and programme parameters',
    tags: ['workflow'],
    responses: { 200: { description: 'PolicyDto', mediaType: J } },
  },
  {
    method: 'put',
    path: '/api/policy',
    summary: 'Change policy fields within their ranges (gradeHighScore > gradeMediumScore)',
    tags: ['workflow'],
    body: { schema: policyUpdateSchema },
    responses: {
      200: { description: 'PolicyDto', mediaType: J },
      ...writeErrors,
      422: { description: 'gradeHighScore not above gradeMediumScore', mediaType: P },
    },
  },
  {
    method: 'get',
    path: '/api/grading-rules',
    summary: "The grading standard's rules",
    tags: ['workflow'],
    responses: { 200: { description: 'GradingRuleDto[]', mediaType: J } },
  },
  {
    method: 'put',
    path: '/api/grading-rules/{code}',
    summary: "Change a rule's points, enabled or threshold; grading follows at once",
    tags: ['workflow'],
    params: gradingRuleParamSchema,
    body: { schema: gradingRuleUpdateSchema },
    responses: {
      200: { description: 'GradingRuleDto', mediaType: J },
      ...writeErrors,
      404: { description: 'unknown rule', mediaType: P },
      422: { description: 'threshold on a rule without one', mediaType: P },
    },
  },
];
