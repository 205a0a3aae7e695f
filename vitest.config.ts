// All tests of the workspace: node-side packages against a real PostGIS (embedded or server),
// and the web's component tests in happy-dom. DATABASE_URL selects the server driver.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'contract/src/**/*.test.ts',
            'db/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'test/src/**/*.test.ts',
          ],
          environment: 'node',
          globalSetup: ['db/src/testing-setup.ts'],
          // vacuums the worker's database after each file (its rolled-back rows are dead pages), and
          // puts the city's zone back to the default one around each file
          setupFiles: ['db/src/testing-after-file.ts', 'contract/src/testing-city-zone.ts'],
          // one database per worker, shared by the files it runs (tests roll back)
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // the lint rule that holds the layout
      { test: { name: 'lint', include: ['tools/lint/**/*.test.js'], environment: 'node' } },
      { test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
    ],
  },
});
