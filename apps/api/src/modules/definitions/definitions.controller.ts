import type { Actor, DefinitionGraph, ProcessDefinition, WorkingCalendar } from '@onewindow/domain';
import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { DefinitionCatalogService } from './definition-catalog.service';
import { AttributeSchemaView, DefinitionFaultView, DefinitionGraphView, DefinitionView } from './definitions.views';

export class PublishDefinitionDto {
  @ApiProperty({ description: 'A process definition (see libs/domain/src/definition/process-definition.types.ts)' })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class PublishCalendarDto {
  @ApiProperty({ description: 'A working calendar: weekend days, statutory holidays, make-up working days' })
  @IsObject()
  calendar!: Record<string, unknown>;
}

@ApiTags('definitions')
@ApiBearerAuth()
@ApiExtraModels(AttributeSchemaView, DefinitionFaultView)
@Controller()
export class DefinitionsController {
  constructor(private readonly catalog: DefinitionCatalogService) {}

  @Get('definitions')
  @ApiOkResponse({ type: [DefinitionView] })
  list(): Promise<ProcessDefinition[]> {
    return this.catalog.list();
  }

  @Get('definitions/:key/versions')
  @ApiOkResponse({ type: [DefinitionView] })
  versions(@Param('key') key: string): Promise<ProcessDefinition[]> {
    return this.catalog.versions(key);
  }

  @Get('definitions/:key/versions/:version')
  @ApiOkResponse({ type: DefinitionView })
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<ProcessDefinition> {
    return this.catalog.definition(key, version);
  }

  /** What a flow diagram draws: steps, joint reviews and their members, timers, routes and outcomes. */
  @Get('definitions/:key/versions/:version/graph')
  @ApiOkResponse({ type: DefinitionGraphView })
  graph(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<DefinitionGraph> {
    return this.catalog.graph(key, version);
  }

  /** Publishes a new version; 422 names every fault of an invalid definition, each with its path (`details.faults`). */
  @Post('definitions')
  @ApiCreatedResponse({ type: DefinitionView })
  @ApiUnprocessableEntityResponse({
    description: "The definition's faults: `details.faults` lists `{ path, message }` (see DefinitionFaultView)",
  })
  @Roles('administrator')
  publish(@CurrentActor() actor: Actor, @Body() dto: PublishDefinitionDto): Promise<ProcessDefinition> {
    return this.catalog.publish(actor, dto.definition);
  }

  @Get('calendars')
  calendars(): Promise<WorkingCalendar[]> {
    return this.catalog.calendars();
  }

  @Get('calendars/:id')
  calendar(@Param('id') id: string): Promise<WorkingCalendar> {
    return this.catalog.calendar(id);
  }

  @Post('calendars')
  @Roles('administrator')
  publishCalendar(
    @CurrentActor() actor: Actor,
    @Body() dto: PublishCalendarDto,
  ): Promise<{ calendar: WorkingCalendar; revision: number }> {
    return this.catalog.publishCalendar(actor, dto.calendar);
  }
}
