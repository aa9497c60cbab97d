import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';

const webFeatures = readdirSync(new URL('./apps/web/src/features', import.meta.url));

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

/** The browser app's boundaries, for every file of it: each feature's own rule adds to them. */
const webAppBoundaries = [
  { group: ['@/app/*', '../app/*', '../../app/*'], message: 'Only the app imports the app shell.' },
  {
    group: [
      '@onewindow/*',
      '!@onewindow/definition-types',
      '!@onewindow/calendar-types',
      '!@onewindow/localized-text',
      '!@onewindow/reading-dates',
    ],
    message: 'The browser app imports API types only, the one reader of labels in every language and of dates.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', 'coverage', 'eslint.config.mjs', 'jest.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The test OpenID provider runs as its own ESM process (oidc-provider is ESM only): plain JavaScript.
    files: ['tests/support/oidc/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, program: null, project: false },
      globals: { process: 'readonly' },
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // The browser app: hooks rules, and the bulletproof layout's boundaries.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: webAppBoundaries }],
    },
  },
  ...webFeatures.map((feature) => ({
    // Features never import each other: shared code goes to src/components or src/lib.
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: webFeatures
                .filter((other) => other !== feature)
                .flatMap((other) => [
                  `@/features/${other}`,
                  `@/features/${other}/*`,
                  `**/features/${other}/*`,
                  `../${other}/*`,
                  `../../${other}/*`,
                ]),
              message: 'Features never import each other: move shared code to src/components or src/lib.',
            },
            ...webAppBoundaries,
          ],
        },
      ],
    },
  })),
  {
    // Workflow code is replayed by Temporal: it must stay deterministic and free of I/O.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [
            { group: ['@nestjs/*'], message: 'Workflows may not import Nest.' },
            { group: ['typeorm', 'pg'], message: 'Workflows may not touch the database.' },
            {
              group: ['@onewindow/persistence'],
              message: 'Workflows talk to the database only through activity contracts.',
            },
            {
              group: ['@onewindow/config', '@onewindow/devstack', '@onewindow/temporal'],
              message: 'Workflows import only the domain and the contracts.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The contracts are shared by the API, the worker and the workflows: they depend on nothing with I/O.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@onewindow/persistence', 'typeorm', 'pg', '@nestjs/*'],
              message: 'Contracts may not depend on persistence or Nest.',
            },
          ],
        },
      ],
    },
  },
);
