import { Global, Module } from '@nestjs/common';
import { AttributesValidator } from './attributes-validator';
import { DefinitionCatalogService } from './definition-catalog.service';
import { DefinitionsController } from './definitions.controller';

@Global()
@Module({
  controllers: [DefinitionsController],
  providers: [DefinitionCatalogService, AttributesValidator],
  exports: [DefinitionCatalogService, AttributesValidator],
})
export class DefinitionsModule {}
