import { AppConfig } from '@onewindow/config';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { DatabaseProbe } from './database-probe';
import { AccessLogRepository } from './repositories/access-log.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { CheckpointRepository } from './repositories/checkpoint.repository';
import { DefinitionRepository } from './repositories/definition.repository';
import { IdempotencyKeyRepository } from './repositories/idempotency-key.repository';
import { ProjectRepository } from './repositories/project.repository';
import { RequestRepository } from './repositories/request.repository';
import { StaffMemberRepository } from './repositories/staff-member.repository';
import { SupervisionRepository } from './repositories/supervision.repository';
import { IssuedDocumentRepository } from './repositories/issued-document.repository';
import { WorkQueueRepository } from './repositories/work-queue.repository';
import { InboxRepository } from './repositories/inbox.repository';
import { NotificationPreferencesRepository } from './repositories/notification-preferences.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { PublicCommentRepository } from './repositories/public-comment.repository';
import { PublicRegisterRepository } from './repositories/public-register.repository';
import { ConsulteeRepository } from './repositories/consultee.repository';

const repositories = [
  RequestRepository,
  IssuedDocumentRepository,
  AccessLogRepository,
  AuditLogRepository,
  CheckpointRepository,
  IdempotencyKeyRepository,
  WorkQueueRepository,
  DefinitionRepository,
  StaffMemberRepository,
  ProjectRepository,
  SupervisionRepository,
  OutboxRepository,
  InboxRepository,
  NotificationPreferencesRepository,
  DatabaseProbe,
  PublicRegisterRepository,
  PublicCommentRepository,
  ConsulteeRepository,
];

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        createDataSource(config.databaseUrl, { role: config.DATABASE_APP_ROLE }).initialize(),
    },
    ...repositories,
  ],
  exports: [DataSource, ...repositories],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}
