// The workspace's ESLint flat config (the repo root's eslint.config.js re-exports it, so the
// plugins resolve from this package). Beside the recommended rules it encodes the layout:
// which package may import which, and the layers inside server/src and web/src (layers.js).
import path from 'node:path';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './layers.js';

// the repository root, so the layer rule reads the same paths whatever folder eslint runs in
const REPO = path.resolve(import.meta.dirname, '../..');
const srcOf = (pkg) => `${pkg}/src/**/*.{ts,tsx}`;
const restrict = (patterns, paths = []) => [
  'error',
  { patterns: patterns.map(([group, message]) => ({ group, message })), paths },
];
const OTHER_SRC = (pkg) => [
  [[`**/${pkg}/src/**`, `**/${pkg}/src`], `import ${pkg}'s public exports (its package name), never its src/ files`],
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'test-artifacts/**',
      'bench/results/**',
      'test/soak-results/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { svm: layersPlugin },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // each *.i18n.ts adds its keys to the kit's Messages with `interface Messages extends X {}`
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // ---- which package may import which ----
  {
    files: [srcOf('contract')],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        [
          ['@svm/*', 'hono', 'hono/*', 'pg', 'node:*'],
          'the contract is shared by the browser: zod and plain TypeScript only',
        ],
      ]),
    },
  },
  {
    files: [srcOf('db')],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        [
          ['@svm/server', '@svm/server/*', '@svm/web', '@svm/web/*', '@svm/test'],
          'db imports no package above it (only @svm/contract)',
        ],
        ...OTHER_SRC('contract'),
      ]),
    },
  },
  {
    files: [srcOf('server')],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        [['@svm/web', '@svm/web/*', '@svm/test'], 'the server imports no package above it'],
        ...OTHER_SRC('db'),
        ...OTHER_SRC('contract'),
      ]),
      'svm/layers': [
        'error',
        {
          root: path.join(REPO, 'server/src'),
          layers: ['kernel', 'auth', 'domain', 'features', '*'],
          features: 'features',
          testing: ['testing'],
        },
      ],
    },
  },
  {
    files: [srcOf('web')],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Two React Compiler diagnostics stay off: the app does not use the compiler, and the map
      // code deliberately keeps its latest callbacks in refs for MapLibre's event handlers and
      // syncs drafts from the URL in effects. Rewriting those is a behaviour change of its own.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      ...pluginQuery.configs['flat/recommended'][0].rules,
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          [
            ['@svm/server', '@svm/server/*', '@svm/db', '@svm/db/*', '@svm/test'],
            'the web imports only @svm/contract of the server side',
          ],
          [['node:*'], 'the web runs in the browser'],
          ...OTHER_SRC('contract'),
        ],
        [
          {
            name: '@svm/contract',
            allowTypeImports: true,
            message:
              'import only types from @svm/contract (its values bundle zod); enum lists come from @svm/contract/constants',
          },
        ],
      ),
      'svm/layers': [
        'error',
        {
          root: path.join(REPO, 'web/src'),
          layers: ['kit', 'features', 'map', 'app'],
          features: 'features',
          testing: ['testing'],
        },
      ],
    },
  },
  {
    files: ['test/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        ...OTHER_SRC('server'),
        ...OTHER_SRC('db'),
        ...OTHER_SRC('web'),
        ...OTHER_SRC('contract'),
      ]),
    },
  },
);
