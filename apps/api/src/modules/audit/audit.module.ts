import { AuditService, createAuditService } from '@onewindow/audit';
import { AppConfig } from '@onewindow/config';
import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditApiService } from './audit-api.service';
import { AuditController } from './audit.controller';

@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: AuditService,
      inject: [DataSource, Client, AppConfig],
      useFactory: (db: DataSource, client: Client, config: AppConfig) =>
        createAuditService({
          db,
          client,
          signingKey: config.AUDIT_SIGNING_KEY,
          previousSigningKeys: config.auditPreviousSigningKeys,
        }),
    },
    AuditApiService,
  ],
})
export class AuditModule {}
