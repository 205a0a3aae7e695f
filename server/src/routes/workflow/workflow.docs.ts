// OpenAPI description of the write workflow routes, from the schemas they validate with.
import {
  acceptanceCreateSchema, gradingRuleParamSchema, gradingRuleUpdateSchema, hazardAssignSchema, hazardNoteSchema, idParamSchema,
  patrolCreateSchema, policyUpdateSchema, venueCloseSchema, venueCreateSchema, venuePatchSchema,
} from '@svm/contract';
import type { RouteDoc } from '../../openapi/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';
const writeErrors = {
  400: { description: 'malformed JSON or a field outside its allowed values', mediaType: P },
  401: { description: 'not signed in (session cookie or bearer token)', mediaType: P },
  403: { description: 'this account may not make this write (role, township, cell or department), is read-only, or is deactivated', mediaType: P },
  413: { description: 'body larger than 1 MiB', mediaType: P },
};
const hazardStep = (path: string, summary: string, body: RouteDoc['body'], status = 200): RouteDoc => ({
  method: 'post', path: `/api/hazards/{id}/${path}`, summary, tags: ['workflow'], params: idParamSchema, body,
  description: 'Needs a signed-in account with authority over the hazard. Recorded as a hazard_transitions row and an audit_log entry in one transaction.',
  responses: {
    [status]: { description: 'the hazard (HazardDto) with its acceptances', mediaType: J }, ...writeErrors,
    404: { description: 'unknown hazard', mediaType: P },
    409: { description: 'not allowed in the current status: names currentStatus, allowedActions (and missingParties for close)', mediaType: P },
    422: { description: 'deadline before the hazard was found', mediaType: P },
  },
});

export const workflowDocs: RouteDoc[] = [
  {
    method: 'post', path: '/api/venues', summary: 'Register a venue; township and grid cell are derived from its location',
    tags: ['workflow'], body: { schema: venueCreateSchema },
    responses: { 201: { description: 'the venue (VenueDto)', mediaType: J }, ...writeErrors, 422: { description: 'location outside every township', mediaType: P } },
  },
  {
    method: 'patch', path: '/api/venues/{id}', summary: 'Change any registration field; moving it re-derives township and cell',
    tags: ['workflow'], params: idParamSchema, body: { schema: venuePatchSchema },
    responses: { 200: { description: 'the venue (VenueDto)', mediaType: J }, ...writeErrors, 404: { description: 'unknown venue', mediaType: P }, 422: { description: 'location outside every township', mediaType: P } },
  },
  {
    method: 'post', path: '/api/venues/{id}/close', summary: 'Close a venue (closedAt, default now)',
    tags: ['workflow'], params: idParamSchema, body: { schema: venueCloseSchema },
    responses: { 200: { description: 'the venue (VenueDto)', mediaType: J }, ...writeErrors, 409: { description: 'already closed', mediaType: P }, 422: { description: 'closedAt before registration', mediaType: P } },
  },
  {
    method: 'post', path: '/api/patrols', summary: 'Record a patrol by the actor with the hazards found (rebound links computed at write time)',
    description: 'A hazard fixedOnSpot is rectified and closed at once with the worker\'s on_the_spot sign-off; one given responsiblePerson and deadline starts rectifying.',
    tags: ['workflow'], body: { schema: patrolCreateSchema },
    responses: { 201: { description: 'the patrol (PatrolDto) and its hazards with reboundOf', mediaType: J }, ...writeErrors, 422: { description: 'patrolledAt in the future, before registration or after closing; unknown hazard type; deadline before patrolledAt', mediaType: P } },
  },
  hazardStep('assign', 'Set the responsible person and deadline: open or rectifying → rectifying', { schema: hazardAssignSchema }),
  hazardStep('rectified', 'Report the fix: rectifying → rectified', { schema: hazardNoteSchema }),
  hazardStep('acceptances', 'A territorial, industry or special sign-off of a rectified hazard; a failure returns it to rectifying, the last required pass closes it', { schema: acceptanceCreateSchema }, 201),
  hazardStep('close', 'Close a rectified hazard whose required sign-offs have all passed (normally automatic)', { schema: hazardNoteSchema }),
  {
    method: 'get', path: '/api/policy', summary: 'The patrol policy and programme parameters', tags: ['workflow'],
    responses: { 200: { description: 'PolicyDto', mediaType: J } },
  },
  {
    method: 'put', path: '/api/policy', summary: 'Change policy fields within their ranges (gradeHighScore > gradeMediumScore)', tags: ['workflow'],
    body: { schema: policyUpdateSchema },
    responses: { 200: { description: 'PolicyDto', mediaType: J }, ...writeErrors, 422: { description: 'gradeHighScore not above gradeMediumScore', mediaType: P } },
  },
  {
    method: 'get', path: '/api/grading-rules', summary: 'The grading standard\'s rules', tags: ['workflow'],
    responses: { 200: { description: 'GradingRuleDto[]', mediaType: J } },
  },
  {
    method: 'put', path: '/api/grading-rules/{code}', summary: 'Change a rule\'s points, enabled or threshold; grading follows at once', tags: ['workflow'],
    params: gradingRuleParamSchema, body: { schema: gradingRuleUpdateSchema },
    responses: { 200: { description: 'GradingRuleDto', mediaType: J }, ...writeErrors, 404: { description: 'unknown rule', mediaType: P }, 422: { description: 'threshold on a rule without one', mediaType: P } },
  },
];
