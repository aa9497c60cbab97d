import { AppConfig } from '@onewindow/config';
import { consulteeLinksFor, EgressPolicy } from '@onewindow/notifications';
import { enqueueNotifications } from '@onewindow/activities';
import { ConsulteeRepository, OutboxRepository } from '@onewindow/persistence';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelSenders } from './channel-senders';
import { NotificationDispatcher } from './notification-dispatcher';

/** Builds the dispatcher from the validated configuration (shared by the worker and stand-alone runs). */
export function createNotificationDispatcher(
  config: AppConfig,
  db: DataSource,
  onError: (error: unknown) => void = () => undefined,
): NotificationDispatcher {
  return new NotificationDispatcher(
    new OutboxRepository(db),
    // Reminders have no transition to be recorded with: each pass enqueues them in a transaction of its own.
    (planned) => db.transaction((tx) => enqueueNotifications(tx, planned)),
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
    { repository: new ConsulteeRepository(db), links: consulteeLinksFor(config) },
  );
}

/** Runs the dispatcher for the worker process's lifetime. */
export class NotificationDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDelivery.name);
  private readonly dispatcher: NotificationDispatcher;

  constructor(config: AppConfig, db: DataSource) {
    this.dispatcher = createNotificationDispatcher(config, db, (error) =>
      this.logger.error({ msg: 'notification delivery pass failed', err: String(error) }),
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
  inject: [AppConfig, DataSource],
  useFactory: (config: AppConfig, db: DataSource) => new NotificationDelivery(config, db),
};
