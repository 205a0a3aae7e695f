import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { layersRule } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.afterAll = afterAll;

const options = [
  { root: '/repo/server/src', layers: ['kernel', 'auth', 'features', '*'], features: 'features', testing: ['testing'] },
];
const at = (file, code) => ({ filename: `/repo/server/src/${file}`, code, options });
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

tester.run('svm/layers', layersRule, {
  valid: [
    at('features/venues/venues.route.ts', "import { Problem } from '../../kernel/problem.ts';"),
    at('features/venues/venues.route.ts', "import { venuesPage } from './venues.queries.ts';"),
    at('auth/actor.ts', "import { Problem } from '../kernel/problem.ts';"),
    at('app.ts', "import { venuesRoute } from './features/venues/venues.route.ts';"),
    // tests and test infrastructure may import anything
    at('kernel/problem.test.ts', "import { app } from '../testing/app.ts';"),
    at('testing/app.ts', "import { createApp } from '../app.ts';"),
    // packages are another rule's business
    at('kernel/problem.ts', "import { Hono } from 'hono';"),
  ],
  invalid: [
    {
      ...at('kernel/paging.ts', "import { Problem } from '../features/venues/venue-dto.ts';"),
      errors: [{ messageId: 'upward' }],
    },
    { ...at('auth/scope.ts', "export { x } from '../app.ts';"), errors: [{ messageId: 'upward' }] },
    {
      ...at('features/exports/exports.route.ts', "import { venuesPage } from '../venues/venues.queries.ts';"),
      errors: [{ messageId: 'sideways' }],
    },
    {
      ...at('features/venues/venues.route.ts', "const m = await import('../../testing/fixture.ts');"),
      errors: [{ messageId: 'testing' }],
    },
  ],
});
