// Writes through the public API as the seeded city's grid workers, for the wall's browser tests
// and the soak run: finds venues each with its cell's worker, then records patrols (with a
// hazard when asked) as that worker, signed in with a bearer token (see e2e/sign-in.ts).
import type { GridCellCollection, GridCellDetailDto, PatrolDto } from '@svm/contract';
import { authHeaders, workerHeaders } from '../e2e/sign-in.ts';

export interface WriteTarget {
  venueId: number;
  venueName: string;
  workerId: number;
  townshipId: number;
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Up to `count` venues in cells that have a worker, one per cell, from the busiest cells. */
export async function findTargets(url: string, count: number): Promise<WriteTarget[]> {
  const cells = await json<GridCellCollection>(
    await fetch(`${url}/api/grid-cells`, { headers: await authHeaders(url) }),
    'GET /api/grid-cells',
  );
  const staffed = cells.features
    .filter((f) => f.properties.worker !== null && f.properties.venueCount > 0)
    .sort((a, b) => b.properties.venueCount - a.properties.venueCount);
  const targets: WriteTarget[] = [];
  for (const cell of staffed) {
    if (targets.length >= count) break;
    const detail = await json<GridCellDetailDto>(
      await fetch(`${url}/api/grid-cells/${cell.properties.id}`, { headers: await authHeaders(url) }),
      'GET /api/grid-cells/:id',
    );
    const venue = detail.overdueVenues[0] ?? detail.patrols[0]?.venue;
    const worker = cell.properties.worker;
    if (venue && worker)
      targets.push({
        venueId: venue.id,
        venueName: venue.name,
        workerId: worker.id,
        townshipId: cell.properties.townshipId,
      });
  }
  if (!targets.length) throw new Error('the seeded city has no staffed cell with a venue to patrol');
  return targets;
}

/** Records a patrol of the target's venue now, by its cell's worker, with one hazard of `hazardType` if given. */
export async function writePatrol(url: string, target: WriteTarget, hazardType?: string): Promise<PatrolDto> {
  const body = {
    venueId: target.venueId,
    // a second back, so the server's clock never sees it in the future
    patrolledAt: new Date(Date.now() - 1_000).toISOString(),
    note: 'wall test',
    hazards: hazardType ? [{ typeCode: hazardType }] : [],
  };
  const res = await fetch(`${url}/api/patrols`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await workerHeaders(url, target.workerId)) },
    body: JSON.stringify(body),
  });
  return json<PatrolDto>(res, 'POST /api/patrols');
}
