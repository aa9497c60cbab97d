import { CheckpointService, CheckpointSigner } from '@onewindow/audit';
import { AppConfig } from '@onewindow/config';
import { CheckpointRepository } from '@onewindow/persistence';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';

/**
 * Signs a checkpoint over every case's head every `intervalSeconds` (0 disables). A checkpoint younger
 * than the interval (another worker's, or one from before a restart) defers the next one.
 */
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly checkpoints: CheckpointService,
    private readonly intervalSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalSeconds <= 0) {
      this.logger.log('Periodic audit checkpoints are disabled');
      return;
    }
    this.timer = setInterval(() => void this.tick(), this.intervalSeconds * 1000);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Creates a checkpoint unless one is in progress or a recent one exists; never throws. */
  tick(): Promise<void> {
    this.running ??= this.createIfDue()
      .catch((error: unknown) => this.logger.error({ msg: 'audit checkpoint failed', err: String(error) }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async createIfDue(): Promise<void> {
    const latest = (await this.checkpoints.list()).at(-1);
    const dueAt = latest ? Date.parse(latest.createdAt) + this.intervalSeconds * 1000 : 0;
    if (this.now().getTime() < dueAt - 1000) return;
    const cp = await this.checkpoints.create();
    this.logger.log({ msg: 'audit checkpoint signed', id: cp.id, hash: cp.hash, cases: cp.requestCount });
  }
}

/** The worker module's provider; `intervalOf` reads AUDIT_CHECKPOINT_INTERVAL_SECONDS from the config. */
export function checkpointSchedulerProvider(intervalOf: (config: AppConfig) => number): Provider {
  return {
    provide: CheckpointScheduler,
    inject: [AppConfig, CheckpointRepository],
    useFactory: (config: AppConfig, repository: CheckpointRepository) =>
      new CheckpointScheduler(
        new CheckpointService(
          repository,
          new CheckpointSigner(config.AUDIT_SIGNING_KEY, config.auditPreviousSigningKeys),
        ),
        intervalOf(config),
      ),
  };
}
