import { AuditService, createAuditService } from '@onewindow/audit';
import { AppConfig } from '@onewindow/config';
import { BlobStore } from '@onewindow/documents';
import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { AuditApiService } from './audit-api.service';
import { AuditController } from './audit.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [AuditController],
  providers: [
    {
      provide: AuditService,
      inject: [DataSource, Client, AppConfig, BlobStore],
      useFactory: (db: DataSource, client: Client, config: AppConfig, documents: BlobStore) =>
        createAuditService({
          db,
          client,
          signingKey: config.AUDIT_SIGNING_KEY,
          previousSigningKeys: config.auditPreviousSigningKeys,
          auditor: { documents },
        }),
    },
    AuditApiService,
  ],
  exports: [AuditService],
})
export class AuditModule {}
