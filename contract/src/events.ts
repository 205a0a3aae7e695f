// Live events for the wall display: GET /api/events (Server-Sent Events) and
// GET /api/events/recent (the ticker's first paint). Each event is one fact from the audit log.
import { z } from 'zod';
import { intParam } from './params.ts';
import { type VenueCategory, type EventKind, type EventTopic } from './constants.ts';

export interface EventDto {
  /** the audit log id: the SSE `id`, and what `Last-Event-ID` / `after` resume from */
  id: number;
  /** position among the events of the same audit row (0 first) */
  seq: number;
  kind: EventKind;
  /** when it was written (ISO) */
  at: string;
  /** the venue's township; null for city-wide writes (imports, policy) */
  townshipId: number | null;
  venue: { id: number; name: string; category: VenueCategory } | null;
  /** the hazard's type (hazard_found, rebound_detected, hazard_closed, ...), with its names */
  hazardType: { code: string; name: string; nameEn: string } | null;
  /** acceptance_signed: the party and whether it passed */
  acceptance: { party: string; passed: boolean } | null;
  /** data_imported: what was imported and how many rows */
  imported: { kind: string; inserted: number; updated: number } | null;
  actorName: string;
  invalidates: EventTopic[];
}

export interface RecentEventsDto {
  events: EventDto[];
  /** the newest audit id looked at: open the stream with `after` (or Last-Event-ID) set to it */
  lastId: number;
}

/** GET /api/events/recent?limit= (default 20, newest last) */
export const recentEventsQuerySchema = z.object({
  limit: intParam('limit', 1, 100).default(20),
});

const AFTER_RULE = 'after must be an audit id (a non-negative integer) from a previous event';
/** GET /api/events?after=: resume after this id (a `Last-Event-ID` header wins); default: from now on */
export const eventStreamQuerySchema = z.object({
  after: z
    .string({ error: AFTER_RULE })
    .regex(/^\d{1,15}$/, AFTER_RULE)
    .transform(Number)
    .optional(),
});
