// Global setup and teardown run outside Jest's module system, where moduleNameMapper does not apply.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';
import tsconfig from '../../tsconfig.json';

register({ baseUrl: join(__dirname, '..', '..'), paths: tsconfig.compilerOptions.paths });
