// From audit rows to ticker events, and who may see which: every event passes through
// eventVisibleTo, on the stream and in the recent list alike.
import { z } from 'zod';
import type { Scope } from '../../auth/caller.ts';
import { EVENT_TOPICS, VENUE_CATEGORIES, type EventDto, type EventKind, type EventTopic } from '@svm/contract';
import type { AuditFactRow } from './events.queries.ts';

const ALL: EventTopic[] = [...EVENT_TOPICS];
// which cached reads each kind of event makes stale (the web refetches exactly these)
const INVALIDATES: Record<EventKind, EventTopic[]> = {
  patrol_recorded: ['kpis', 'townships', 'grid-cells', 'venues'],
  hazard_found: ['kpis', 'townships', 'heatmap', 'hazards'],
  rebound_detected: ['kpis', 'townships', 'heatmap', 'hazards', 'rebounds'],
  hazard_updated: ['kpis', 'townships', 'hazards'],
  acceptance_signed: ['kpis', 'townships', 'hazards'],
  hazard_closed: ['kpis', 'townships', 'heatmap', 'hazards'],
  venue_changed: ['kpis', 'townships', 'grid-cells', 'heatmap', 'venues'],
  data_imported: ALL,
  settings_changed: ALL,
};

// the hazards a patrol found, as the patrol's audit entry recorded them (built in SQL)
const patrolHazards = z.array(
  z.object({ code: z.string(), name: z.string(), nameEn: z.string(), rebound: z.boolean() }),
);
const categorySchema = z.enum(VENUE_CATEGORIES);

/** The ticker events one audit row stands for; none for actions the wall does not show (e.g. a sign-in). */
export function eventsOf(row: AuditFactRow): EventDto[] {
  const category = categorySchema.safeParse(row.category);
  const base = {
    id: row.id,
    at: row.at.toISOString(),
    townshipId: row.township_id,
    venue:
      row.venue_id !== null && row.venue_name !== null && category.success
        ? { id: row.venue_id, name: row.venue_name, category: category.data }
        : null,
    hazardType:
      row.hazard_type === null
        ? null
        : {
            code: row.hazard_type,
            name: row.hazard_type_name ?? row.hazard_type,
            nameEn: row.hazard_type_name_en ?? row.hazard_type,
          },
    acceptance: null,
    imported: null,
    actorName: row.actor_name,
  };
  const out: Omit<EventDto, 'seq'>[] = [];
  const add = (kind: EventKind, extra: Partial<EventDto> = {}) =>
    out.push({ ...base, kind, invalidates: INVALIDATES[kind], ...extra });
  const [entity, verb] = row.action.split('.');
  if (row.action === 'patrol.record') {
    add('patrol_recorded', { hazardType: null });
    const hazards = patrolHazards.safeParse(row.patrol_hazards);
    for (const h of hazards.success ? hazards.data : []) {
      add(h.rebound ? 'rebound_detected' : 'hazard_found', {
        hazardType: { code: h.code, name: h.name, nameEn: h.nameEn },
      });
    }
  } else if (row.action === 'hazard.acceptance') {
    add('acceptance_signed', {
      acceptance: row.party === null ? null : { party: row.party, passed: row.passed === true },
    });
    if (row.to_status === 'closed') add('hazard_closed');
  } else if (row.action === 'hazard.close') {
    add('hazard_closed');
  } else if (entity === 'hazard') {
    add('hazard_updated');
  } else if (entity === 'venue') {
    add('venue_changed');
  } else if (entity === 'import' && verb !== undefined) {
    add('data_imported', { imported: { kind: verb, inserted: row.inserted ?? 0, updated: row.updated ?? 0 } });
  } else if (row.action === 'policy.update' || row.action === 'grading_rule.update') {
    add('settings_changed');
  }
  return out.map((e, seq) => ({ ...e, seq }));
}

/**
 * Whether a caller with `scope` may see `event`. A venue's event is seen in its township and by
 * the departments overseeing its category; an event about no venue (an import, a policy
 * change) is a city-wide "refresh" signal that everyone gets. `departmentCategories` are the
 * categories of the scope's department (ignored for other scopes).
 */
export function eventVisibleTo(scope: Scope, event: EventDto, departmentCategories: readonly string[]): boolean {
  if (scope.kind === 'city') return true;
  if (event.venue === null) return true;
  if (scope.kind === 'township') return event.townshipId === scope.townshipId;
  return departmentCategories.includes(event.venue.category);
}
