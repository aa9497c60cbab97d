import { ConfigModule } from '@onewindow/config';
import { LoggingModule } from '@onewindow/logging';
import { PersistenceModule } from '@onewindow/persistence';
import { Module } from '@nestjs/common';
import { checkpointSchedulerProvider } from './checkpoint.scheduler';
import { notificationDeliveryProvider } from './notifications/notification-dispatcher.provider';
import { WorkerService } from './worker.service';

@Module({
  imports: [ConfigModule, LoggingModule.forService('worker'), PersistenceModule],
  providers: [
    WorkerService,
    checkpointSchedulerProvider((c) => c.AUDIT_CHECKPOINT_INTERVAL_SECONDS),
    notificationDeliveryProvider,
  ],
})
export class WorkerModule {}
