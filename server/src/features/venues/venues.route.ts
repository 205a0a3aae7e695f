// GET /api/venues (a filtered keyset page of active venues as GeoJSON) and GET /api/venues/:id
// (facts, assigned vs computed grade with the rules that fired, patrols, hazards with their history).
import { Hono } from 'hono';
import {
  venueParamsSchema,
  venueQuerySchema,
  venuesQuerySchema,
  type VenueDetailDto,
  type VenuePage,
} from '@svm/contract';
import { checkTownshipAllowed, readScopeOf } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { decodeCursor, pageOf } from '../../kernel/cursor.ts';
import { gradingRulesByCode, venueFacts, venueHazards, venuePatrols } from './venue-detail.queries.ts';
import { toVenueFeature, toVenueProperties, venueFilterOf } from './venue-dto.ts';
import { venuesPage } from './venues.queries.ts';

const PATROL_HISTORY = 100;

export function venuesRoute({ db }: AppDeps) {
  return new Hono()
    .get('/', validate('query', venuesQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, query.township);
      const after = decodeCursor(query.cursor);
      if (query.township !== undefined && !(await townshipExists(db, query.township))) {
        throw Problem.notFound(`township ${query.township} does not exist`);
      }
      const filter = venueFilterOf(query);
      const page = pageOf(await venuesPage(db, scope, filter, after, query.limit + 1), query.limit);
      const body: VenuePage = {
        type: 'FeatureCollection',
        asOf: filter.asOf.toISOString(),
        features: page.items.map(toVenueFeature),
        nextCursor: page.nextCursor,
      };
      return c.json(body);
    })
    .get('/:id', validate('param', venueParamsSchema), validate('query', venueQuerySchema), async (c) => {
      const { id } = c.req.valid('param');
      const { asOf = new Date() } = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      const facts = await venueFacts(db, scope, id, asOf);
      // outside the scope reads as not found: a 403 would confirm the venue exists elsewhere
      if (!facts)
        throw Problem.notFound(
          `venue ${id} does not exist in your jurisdiction or was not yet registered on ${asOf.toISOString()}`,
        );
      const rules = await gradingRulesByCode(db, facts.fired_rules);
      const patrols = await venuePatrols(db, scope, id, asOf, PATROL_HISTORY);
      const hazards = await venueHazards(db, scope, id, asOf);
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      const body: VenueDetailDto = {
        asOf: asOf.toISOString(),
        venue: {
          ...toVenueProperties(facts),
          geometry: { type: 'Point', coordinates: [facts.lon, facts.lat] },
          status: facts.closed_at ? 'closed' : 'active',
          closedAt: iso(facts.closed_at),
          occupancy: facts.occupancy,
          floorAreaM2: facts.floor_area_m2,
          indoorEbikeCharging: facts.indoor_ebike_charging,
          chargingNearStock: facts.charging_near_stock,
          flammablesStored: facts.flammables_stored,
          peopleLivingOnSite: facts.people_living_on_site,
        },
        grade: {
          assigned: facts.risk_level,
          computed: facts.computed_level,
          score: facts.score,
          misgraded: facts.misgraded,
          rules: rules.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, points: r.points })),
        },
        patrols: patrols.map((p) => ({
          id: p.id,
          externalId: p.external_id,
          at: p.patrolled_at.toISOString(),
          worker: { id: p.worker_id, name: p.worker_name },
          result: p.result,
          note: p.note,
        })),
        hazards: hazards.map((h) => ({
          id: h.id,
          externalId: h.external_id,
          type: { code: h.type_code, name: h.type_name, nameEn: h.type_name_en },
          severity: h.severity,
          status: h.status,
          foundAt: h.found_at.toISOString(),
          deadline: iso(h.deadline),
          rectifiedAt: iso(h.rectified_at),
          closedAt: iso(h.closed_at),
          fixedOnSpot: h.fixed_on_spot,
          responsiblePerson: h.responsible_person,
          responsiblePhone: h.responsible_phone,
          overdue: h.overdue,
          reboundOf: h.rebound_of,
          transitions: h.transitions,
          acceptances: h.acceptances,
        })),
      };
      return c.json(body);
    });
}
