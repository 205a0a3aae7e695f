// Write authority: who may change what, decided from the acting user and where the write lands.
// Every refusal is a 403 problem thrown before anything is written (or inside the write's
// transaction, which then rolls back), and names what this account may do instead.
import type { Queryable } from '@svm/db';
import type { Actor } from './actor.ts';
import type { VenueCategory } from '@svm/contract';
import { Problem } from '../kernel/problem.ts';
import {
  jurisdictionOfHazard,
  jurisdictionOfPoint,
  jurisdictionOfVenue,
  type Jurisdiction,
} from './authority.queries.ts';

const who = (a: Actor) => `${a.name} (${a.role})`;

/** Policy, grading rules, imports, accounts and display tokens: the administrator only. */
export function requireAdmin(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw Problem.forbidden(`${who(actor)} may not ${what}: only an admin account may`);
}

/** Whether the actor governs this place: city-wide roles anywhere, a township leader in their township, a grid worker in their cells. */
function governs(actor: Actor, place: Jurisdiction): boolean {
  switch (actor.role) {
    case 'admin':
    case 'city':
      return true;
    case 'township':
      return place.township_id !== null && place.township_id === actor.townshipId;
    case 'grid_worker':
      return place.worker_id !== null && place.worker_id === actor.id;
    default:
      return false;
  }
}

const venueWriters =
  'admin and city accounts anywhere, township accounts in their township, grid workers in their own cells';

/** Registering, changing or closing a venue at `place` (a point, or an existing venue's id). */
export async function assertMayWriteVenue(
  db: Queryable,
  actor: Actor,
  place: { venueId: number } | { location: [number, number] },
): Promise<void> {
  const where =
    'venueId' in place ? await jurisdictionOfVenue(db, place.venueId) : await jurisdictionOfPoint(db, place.location);
  // an unknown venue is the route's 404 to give, not ours
  if (!where) return;
  if (!governs(actor, where)) {
    const at = 'venueId' in place ? `venue ${place.venueId}` : `[${place.location.join(', ')}]`;
    throw Problem.forbidden(`${who(actor)} may not register or change a venue at ${at}: ${venueWriters}`);
  }
}

/** Recording a patrol (and the hazards found on it): the grid worker of the venue's cell only. */
export async function assertMayPatrol(db: Queryable, actor: Actor, venueId: number): Promise<void> {
  const where = await jurisdictionOfVenue(db, venueId);
  if (!where) return;
  if (actor.role !== 'grid_worker' || where.worker_id !== actor.id) {
    throw Problem.forbidden(
      `${who(actor)} may not record a patrol of venue ${venueId}: only the grid worker of the venue's cell may`,
    );
  }
}

const handlers =
  "admin and city accounts, the township account of the hazard's township, the grid worker of its venue's cell";

/** Assigning a hazard or reporting it rectified. */
export async function assertMayHandleHazard(
  db: Queryable,
  actor: Actor,
  hazardId: number,
  action: string,
): Promise<void> {
  const where = await jurisdictionOfHazard(db, hazardId);
  if (!where) return;
  if (!governs(actor, where))
    throw Problem.forbidden(`${who(actor)} may not ${action} hazard ${hazardId}: ${handlers} may`);
}

const industryOf = (actor: Actor, category: VenueCategory) =>
  actor.role === 'department' && actor.categories.includes(category);

/** Asking for the close: anyone who may handle the hazard or sign it off (closing still needs every sign-off). */
export async function assertMayClose(db: Queryable, actor: Actor, hazardId: number): Promise<void> {
  const where = await jurisdictionOfHazard(db, hazardId);
  if (!where) return;
  if (!governs(actor, where) && !industryOf(actor, where.category)) {
    throw Problem.forbidden(
      `${who(actor)} may not close hazard ${hazardId}: ${handlers}, or the industry department of its category, may`,
    );
  }
}

/**
 * A sign-off by `party`, only by the matching party: territorial = the township account of the
 * hazard's township; industry = a department account whose categories include the venue's;
 * special = a city account (the special supervisor signs at city level).
 */
export async function assertMaySignOff(db: Queryable, actor: Actor, hazardId: number, party: string): Promise<void> {
  const where = await jurisdictionOfHazard(db, hazardId);
  if (!where) return;
  const ok =
    party === 'territorial'
      ? actor.role === 'township' && where.township_id !== null && actor.townshipId === where.township_id
      : party === 'industry'
        ? industryOf(actor, where.category)
        : party === 'special'
          ? actor.role === 'city'
          : false;
  if (ok) return;
  const rule =
    party === 'territorial'
      ? `only the township account of township ${where.township_id ?? '(none)'} may`
      : party === 'industry'
        ? `only a department account whose categories include ${where.category} may`
        : party === 'special'
          ? 'only a city account (the special supervisor) may'
          : 'no account may';
  throw Problem.forbidden(`${who(actor)} may not sign off hazard ${hazardId} as the ${party} party: ${rule}`);
}
