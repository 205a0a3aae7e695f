// The hazard lifecycle rules (DESIGN: open → rectifying → rectified → closed; a failed sign-off
// returns it to rectifying; closing needs a passed sign-off from every required party), applied
// alike by the hazard writes, patrols (fixed on the spot) and the hazard and sign-off imports.
// Checked here, before any write, so an illegal move is a 409 that names what is allowed;
// the database's deferred `hazards_closed_accepted` trigger is only the last line of defence.
import type { Queryable } from '@svm/db';
import type { HazardDto } from '@svm/contract';
import { Problem } from '../kernel/problem.ts';
import {
  changedHazard,
  partiesNotYetPassed,
  recordAcceptance,
  recordTransition,
  type HazardRow,
  type Who,
} from './hazard-lifecycle.queries.ts';

export type LifecycleAction = 'assign' | 'rectified' | 'acceptances' | 'close';

const ALLOWED: Record<HazardDto['status'], LifecycleAction[]> = {
  open: ['assign'],
  // re-assigning a hazard under rectification changes its responsible person or deadline
  rectifying: ['assign', 'rectified'],
  rectified: ['acceptances', 'close'],
  closed: [],
};

export const JOINT_SIGN_OFF = ['industry', 'special', 'territorial'] as const;

export function requiredParties(h: Pick<HazardRow, 'fixed_on_spot'>): readonly string[] {
  return h.fixed_on_spot ? ['on_the_spot'] : JOINT_SIGN_OFF;
}

/** Throws a 409 naming the current status and the allowed actions unless `action` is allowed now. */
export function assertAllowed(h: HazardRow, action: LifecycleAction): void {
  const allowed = ALLOWED[h.status];
  if (allowed.includes(action)) return;
  const next = allowed.length ? `allowed now: ${allowed.join(', ')}` : 'a closed hazard allows no further action';
  throw Problem.conflict(`hazard ${h.id} is ${h.status}; "${action}" is not allowed (${next})`, {
    currentStatus: h.status,
    allowedActions: allowed,
  });
}

/** Closes the hazard if every required party's latest sign-off passed; returns the (maybe) closed row. */
export async function closeIfAccepted(tx: Queryable, h: HazardRow, at: Date, who: Who): Promise<HazardRow> {
  const missing = await partiesNotYetPassed(tx, h.id, requiredParties(h), at);
  if (missing.length > 0) return h;
  const closed = await changedHazard(tx, h.id, { status: 'closed', closedAt: at });
  await recordTransition(tx, h.id, h.status, 'closed', at, who, 'all required sign-offs passed');
  return closed;
}

/** The close action asked for explicitly: refused with 409 while a required sign-off is missing or failed. */
export async function closeOrRefuse(tx: Queryable, h: HazardRow, at: Date, who: Who): Promise<HazardRow> {
  assertAllowed(h, 'close');
  const missing = await partiesNotYetPassed(tx, h.id, requiredParties(h), at);
  if (missing.length > 0) {
    throw Problem.conflict(
      `hazard ${h.id} is rectified but cannot close: no passed sign-off yet from ${missing.join(', ')}`,
      {
        currentStatus: h.status,
        allowedActions: ALLOWED[h.status],
        missingParties: missing,
      },
    );
  }
  return closeIfAccepted(tx, h, at, who);
}

/** An on-the-spot fix: rectified and closed at the finding, signed off by the patrolling worker. */
export async function fixOnTheSpot(tx: Queryable, h: HazardRow, who: Who): Promise<HazardRow> {
  const at = h.found_at;
  const rectified = await changedHazard(tx, h.id, { status: 'rectified', rectifiedAt: at, fixedOnSpot: true });
  await recordTransition(tx, h.id, h.status, 'rectified', at, who, 'fixed on the spot');
  await recordAcceptance(tx, h.id, 'on_the_spot', true, at, who, 'fixed on the spot');
  return closeIfAccepted(tx, rectified, at, who);
}
