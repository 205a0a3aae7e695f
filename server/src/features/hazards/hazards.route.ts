// GET /api/hazards: the hazard ledger (台账) as of a moment, filtered, paged by id.
import { Hono } from 'hono';
import { hazardsQuerySchema, type LedgerPage } from '@svm/contract';
import { checkTownshipAllowed, readScopeOf } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { validate } from '../../kernel/validate.ts';
import { decodeCursor, pageOf } from '../../kernel/cursor.ts';
import { ledgerPage } from './hazards.queries.ts';
import { ledgerFilterOf, toLedgerRow } from './ledger-dto.ts';

export function hazardsRoute({ db }: AppDeps) {
  return new Hono().get('/', validate('query', hazardsQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const scope = await readScopeOf(c, db);
    checkTownshipAllowed(scope, query.township);
    const after = decodeCursor(query.cursor);
    const filter = await ledgerFilterOf(db, query);
    const page = pageOf(await ledgerPage(db, scope, filter, after, query.limit + 1), query.limit);
    const body: LedgerPage = {
      asOf: filter.asOf.toISOString(),
      items: page.items.map(toLedgerRow),
      nextCursor: page.nextCursor,
    };
    return c.json(body);
  });
}
