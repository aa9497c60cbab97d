import { Global, Module } from '@nestjs/common';
import { AttributesValidator } from './attributes-validator';
import { CalendarRecountService } from './calendar-recount.service';
import { DefinitionCatalogService } from './definition-catalog.service';
import { DefinitionsController } from './definitions.controller';

@Global()
@Module({
  controllers: [DefinitionsController],
  providers: [DefinitionCatalogService, CalendarRecountService, AttributesValidator],
  exports: [DefinitionCatalogService, AttributesValidator],
})
export class DefinitionsModule {}
