/** @type {import('jest').Config} */
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    },
  ],
};
// NestJS 12, jose 6 and content-disposition 3 (under @fastify/static) ship only ES modules; Jest's CommonJS runtime needs them compiled like our own code.
transform['^.+\\.js$'] = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs|jose|content-disposition)/)'];
const common = { rootDir: __dirname, transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node' };
// Integration and e2e tests share one real Temporal dev server and one real PostgreSQL per run.
const stack = {
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};

module.exports = {
  // Integration and e2e tests wait on real workflows and timers (global: Jest ignores it per project).
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities}/**/*.spec.ts'],
    },
    { ...common, ...stack, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, ...stack, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // The web app in Debian's Chromium against the real API, worker, Temporal and PostgreSQL.
    { ...common, ...stack, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
    // Recorded histories replay offline against the current workflow code: no server needed.
    { ...common, displayName: 'replay', testMatch: ['<rootDir>/tests/replay/**/*.test.ts'] },
  ],
};
