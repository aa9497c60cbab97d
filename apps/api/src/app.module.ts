import { ConfigModule } from '@onewindow/config';
import { PersistenceModule } from '@onewindow/persistence';
import { TemporalClientModule } from '@onewindow/temporal';
import { Module } from '@nestjs/common';
import { AuditModule } from './modules/audit/audit.module';
import { AccessModule } from './core/access/access.module';
import { AuthModule } from './core/auth/auth.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { VerificationModule } from './modules/verification/verification.module';
import { PublicRegisterModule } from './modules/public-register/public-register.module';
import { ConsulteesModule } from './modules/consultees/consultees.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { DefinitionsModule } from './modules/definitions/definitions.module';
import { HealthModule } from './modules/health/health.module';
import { LawChangeModule } from './modules/law-change/law-change.module';
import { RequestDeadlineModule } from './core/common/request-deadline.module';
import { IdempotencyModule } from './core/idempotency/idempotency.module';
import { LabelsModule } from './core/labels/labels.module';
import { ObservabilityModule } from './core/observability/observability.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { RequestsModule } from './modules/requests/requests.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { WorkQueueModule } from './modules/work-queue/work-queue.module';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    TemporalClientModule,
    ObservabilityModule,
    AccessModule,
    AuthModule,
    RequestDeadlineModule,
    LabelsModule,
    IdempotencyModule,
    DefinitionsModule,
    RequestsModule,
    ProjectsModule,
    DocumentsModule,
    VerificationModule,
    PublicRegisterModule,
    ConsulteesModule,
    NotificationsModule,
    WorkQueueModule,
    HealthModule,
    AuditModule,
    SupervisionModule,
    LawChangeModule,
  ],
})
export class AppModule {}
