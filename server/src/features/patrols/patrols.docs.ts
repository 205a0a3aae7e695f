// OpenAPI description of the patrol write route, from the schema it validates with.
import { patrolCreateSchema } from '@svm/contract';
import { writeErrors, type RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';

export const patrolsDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/patrols',
    summary: 'Record a patrol by the actor with the hazards found (rebound links computed at write time)',
    description:
      "A hazard fixedOnSpot is rectified and closed at once with the worker's on_the_spot sign-off; one given responsiblePerson and deadline starts rectifying.",
    tags: ['workflow'],
    body: { schema: patrolCreateSchema },
    responses: {
      201: { description: 'the patrol (PatrolDto) and its hazards with reboundOf', mediaType: J },
      ...writeErrors,
      422: {
        description:
          'patrolledAt in the future, before registration or after closing; unknown or retired hazard type; deadline before patrolledAt',
        mediaType: P,
      },
    },
  },
];
