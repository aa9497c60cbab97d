import './register-paths';
import { dropDatabase } from '@onewindow/devstack';
import { rm } from 'node:fs/promises';
import { STACK_KEY, TestStack } from './test-stack';

export default async function globalTeardown(): Promise<void> {
  const shared = globalThis as typeof globalThis & { [STACK_KEY]?: TestStack };
  const stack = shared[STACK_KEY];
  if (!stack || --stack.users > 0) return;
  delete shared[STACK_KEY];
  await stack.temporal?.stop();
  await dropDatabase(stack.databaseUrl);
  await stack.postgres.stop();
  await rm(stack.bundlePath, { force: true });
}
