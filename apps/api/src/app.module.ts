import { ConfigModule } from '@onewindow/config';
import { PersistenceModule } from '@onewindow/persistence';
import { TemporalClientModule } from '@onewindow/temporal';
import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { DefinitionsModule } from './definitions/definitions.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ObservabilityModule } from './observability/observability.module';
import { RequestsModule } from './requests/requests.module';
import { WorkQueueModule } from './work-queue/work-queue.module';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    TemporalClientModule,
    ObservabilityModule,
    AccessModule,
    AuthModule,
    IdempotencyModule,
    DefinitionsModule,
    RequestsModule,
    WorkQueueModule,
    HealthModule,
    AuditModule,
  ],
})
export class AppModule {}
