import type { PostgresHandle, TemporalDevServer } from '@onewindow/devstack';

export const STACK_KEY = '__onewindowTestStack__';

export interface TestStack {
  /** Jest calls global setup and teardown once per project; the stack lives until the last one. */
  users: number;
  postgres: PostgresHandle;
  temporal?: TemporalDevServer;
  databaseUrl: string;
  bundlePath: string;
}
