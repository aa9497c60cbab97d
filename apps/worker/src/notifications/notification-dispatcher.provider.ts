import { AppConfig } from '@onewindow/config';
import { consulteeLinksFor, EgressPolicy } from '@onewindow/notifications';
import { ConsulteeRepository, OutboxRepository } from '@onewindow/persistence';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ChannelSenders } from './channel-senders';
import { NotificationDispatcher } from './notification-dispatcher';

/** Builds the dispatcher from the validated configuration (shared by the worker and stand-alone runs). */
export function createNotificationDispatcher(
  config: AppConfig,
  outbox: OutboxRepository,
  onError: (error: unknown) => void = () => undefined,
  consultees?: ConsulteeRepository,
): NotificationDispatcher {
  return new NotificationDispatcher(
    outbox,
    new ChannelSenders({
      smtpUrl: config.SMTP_URL,
      smtpFrom: config.SMTP_FROM,
      egress: new EgressPolicy(config.egressAllowedHosts),
    }),
    {
      maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseMs: config.NOTIFICATION_RETRY_BASE_MS,
      pollIntervalMs: config.NOTIFICATION_POLL_INTERVAL_MS,
      reminderWorkingDays: config.NOTIFICATION_REMINDER_WORKING_DAYS,
    },
    onError,
    consultees ? { repository: consultees, links: consulteeLinksFor(config) } : undefined,
  );
}

/** Runs the dispatcher for the worker process's lifetime. */
export class NotificationDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDelivery.name);
  private readonly dispatcher: NotificationDispatcher;

  constructor(config: AppConfig, outbox: OutboxRepository, consultees: ConsulteeRepository) {
    this.dispatcher = createNotificationDispatcher(
      config,
      outbox,
      (error) => this.logger.error({ msg: 'notification delivery pass failed', err: String(error) }),
      consultees,
    );
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}

export const notificationDeliveryProvider: Provider = {
  provide: NotificationDelivery,
  inject: [AppConfig, OutboxRepository, ConsulteeRepository],
  useFactory: (config: AppConfig, outbox: OutboxRepository, consultees: ConsulteeRepository) =>
    new NotificationDelivery(config, outbox, consultees),
};
