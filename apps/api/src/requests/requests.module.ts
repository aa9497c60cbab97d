import { Module } from '@nestjs/common';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  controllers: [RequestsController],
  providers: [RequestsService, DefinitionCatalogService],
})
export class RequestsModule {}
