import { consulteeLinksFor } from '@onewindow/notifications';
import { createRecordActivities } from '@onewindow/activities';
import { AppConfig } from '@onewindow/config';
import { createBlobStore } from '@onewindow/documents';
import { createDocumentIssuer } from '@onewindow/issuance';
import { createIssuingDataSource } from '@onewindow/persistence';
import { createApprovalWorker, prebuiltWorkflowBundle, temporalLoggerFor } from '@onewindow/temporal';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

/** Hosts the Temporal worker: workflows from the bundle, activities wired to Nest-provided repositories. */
@Injectable()
export class WorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private issuingDb?: DataSource;

  constructor(
    private readonly config: AppConfig,
    private readonly pino: PinoLogger,
    private readonly db: DataSource,
  ) {}

  /** Polls until shutdown; resolves once in-flight tasks have drained. */
  async run(): Promise<void> {
    // Temporal's own lines (worker state, activity start and end with the correlation id) share the process's log.
    Runtime.install({ logger: temporalLoggerFor(this.pino.logger) });
    // Before polling: a missing template, font or key stops the worker here, not a recording later.
    this.issuingDb = await createIssuingDataSource(this.config.databaseUrl, {
      role: this.config.DATABASE_APP_ROLE,
    }).initialize();
    const issuer = await createDocumentIssuer(this.config, createBlobStore(this.config, this.issuingDb));
    const connection = await NativeConnection.connect(this.config.temporalConnection);
    try {
      this.worker = await createApprovalWorker({
        connection,
        namespace: this.config.TEMPORAL_NAMESPACE,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        activities: createRecordActivities({ db: this.db, issuer, links: consulteeLinksFor(this.config) }),
        workflowBundlePath: await prebuiltWorkflowBundle(),
      });
      this.logger.log(`Polling task queue ${this.config.TEMPORAL_TASK_QUEUE} at ${this.config.temporalAddress}`);
      this.running = this.worker.run();
      await this.running;
    } finally {
      await connection.close();
    }
  }

  /** SIGTERM: stop polling, let the tasks in hand finish (Worker.shutdown), then let the process end. */
  async onApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    if (this.issuingDb?.isInitialized) await this.issuingDb.destroy();
  }
}
