// OpenAPI description of the live event routes, from the schemas they validate with.
import { eventStreamQuerySchema, recentEventsQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const eventsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/events',
    summary: 'Server-Sent Events of committed writes in the caller’s jurisdiction, for the wall display',
    description:
      'Each message is an EventDto (id = the audit log id, kind, at, townshipId, venue, invalidates). ' +
      'A `hello` event carries the stream’s position, a `heartbeat` event comes every 15 s, `retry` hints 3 s. ' +
      'Reconnecting with `Last-Event-ID` (or `after`) replays what was missed; a stream over 2,000 writes behind gets one ' +
      '`reset` event instead (reload everything).',
    tags: ['events'],
    query: eventStreamQuerySchema,
    responses: {
      200: { description: 'text/event-stream of EventDto messages', mediaType: 'text/event-stream' },
    },
  },
  {
    method: 'get',
    path: '/api/events/recent',
    summary: 'The latest events in the caller’s jurisdiction, oldest first (the ticker’s first paint)',
    tags: ['events'],
    query: recentEventsQuerySchema,
    responses: {
      200: {
        description: '{ events: EventDto[], lastId }: open /api/events?after=lastId to continue from here',
        mediaType: 'application/json',
      },
    },
  },
];
