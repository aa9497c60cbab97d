import { AppConfig } from '@onewindow/config';
import { BlobStore, createBlobStore } from '@onewindow/documents';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DefinitionsModule } from '../definitions/definitions.module';
import { RequestsModule } from '../requests/requests.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [RequestsModule, DefinitionsModule],
  controllers: [DocumentsController],
  providers: [{ provide: BlobStore, inject: [AppConfig, DataSource], useFactory: createBlobStore }, DocumentsService],
  exports: [BlobStore],
})
export class DocumentsModule {}
