import { Global, Module } from '@nestjs/common';
import { CalendarRecountService } from './calendar-recount.service';
import { DefinitionCatalogService } from './definition-catalog.service';
import { DefinitionsController } from './definitions.controller';

@Global()
@Module({
  controllers: [DefinitionsController],
  providers: [DefinitionCatalogService, CalendarRecountService],
  exports: [DefinitionCatalogService],
})
export class DefinitionsModule {}
