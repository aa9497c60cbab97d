// A stand-alone notification worker for tests that kill one mid-delivery: `tsx tests/support/outbox-worker.ts`.
import { loadConfig } from '@onewindow/config';
import { createDataSource } from '@onewindow/persistence';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await createDataSource(config.databaseUrl).initialize();
  const dispatcher = createNotificationDispatcher(config, db, (error) =>
    process.stderr.write(`delivery pass failed: ${String(error)}\n`),
  );
  dispatcher.start();
  process.stdout.write('outbox worker ready\n');
  process.on('SIGTERM', () => {
    void dispatcher
      .stop()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
}

void main();
