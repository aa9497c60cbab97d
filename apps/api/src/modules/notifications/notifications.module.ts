import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

// The requests module shares the per-user count of open event streams.
@Module({ imports: [RequestsModule], controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
