import { Global, Module } from '@nestjs/common';
import { DefinitionCatalogService } from './definition-catalog.service';
import { DefinitionsController } from './definitions.controller';

@Global()
@Module({
  controllers: [DefinitionsController],
  providers: [DefinitionCatalogService],
  exports: [DefinitionCatalogService],
})
export class DefinitionsModule {}
