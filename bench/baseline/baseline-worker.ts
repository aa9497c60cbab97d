// Entry of the baseline worker process: the bench's bare workflow and a no-op activity, nothing else.
import { loadConfig } from '@onewindow/config';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { BaselineActivities } from './baseline.workflow';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig();
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./baseline.workflow'),
    logger: new DefaultLogger('WARN'),
  });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const activities: BaselineActivities = { noop: () => Promise.resolve() };
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle: { code },
    activities,
  });
  const stop = () => worker.shutdown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
