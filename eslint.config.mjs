import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The house rules of ARCHITECTURE.md, enforced: each folder may import only what its row allows.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'child_process',
  'worker_threads',
  'url',
];
const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', '.native/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          'electron',
          '**/core/**',
          '**/main/**',
          '**/http/**',
          '**/preload/**',
          'kysely',
          'better-sqlite3',
          ...nodeBuiltins,
        ],
        'electron/contract is pure TypeScript: zod only.',
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*', '**/main/**', '**/http/**', '**/preload/**', '**/renderer/**'],
        'electron/core runs in plain Node: never electron, main, http, preload or renderer.',
      ),
    },
  },
  {
    // SQL lives in a module's *.repository.ts; its handlers keep the rules and call the repository.
    files: ['electron/core/**/*.handlers.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'SQL belongs in the module’s *.repository.ts: call a repository function from the handler.',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: 'SQL belongs in the module’s *.repository.ts: call a repository function from the handler.',
        },
      ],
    },
  },
  {
    files: ['electron/http/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'],
        'electron/http serves the core over loopback HTTP: no electron.',
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    // …and the HTTP transport's client side (http/remote), through which a desk in client mode reaches the office server,
    // and the update feed (http/update-feed), which a standalone desk serves from a shared folder to its updater on loopback.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/main: core, contract, electron and http/remote only.' },
            {
              group: ['**/http/**', '!**/http/remote', '!**/http/update-feed'],
              message: 'electron/main: core, contract, electron, http/remote and http/update-feed only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/core/**', '**/main/**', '**/http/**', '**/renderer/**', ...nodeBuiltins],
        'preload: electron and contract types only.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': restrict(
        [
          '**/electron/core/**',
          '**/electron/main/**',
          '**/electron/http/**',
          '**/electron/preload/**',
          '../**/core/**',
          'electron',
          'better-sqlite3',
          'kysely',
          ...nodeBuiltins,
        ],
        'The renderer reaches the core only through the contract and src/api.',
      ),
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*', 'tests/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
);
