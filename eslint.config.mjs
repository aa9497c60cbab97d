import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

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
    // Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
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
