import type { Actor, DefinitionGraph, ProcessDefinition, WorkingCalendar } from '@onewindow/domain';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { PERSON_ROLES } from '../../core/auth/claim-mapping';
import { VersionParamPipe } from '../../core/common/int-param.pipe';
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
  @Roles(...PERSON_ROLES)
  @ApiOkResponse({ type: [DefinitionView] })
  list(): Promise<ProcessDefinition[]> {
    return this.catalog.list();
  }

  @Get('definitions/:key/versions')
  @Roles(...PERSON_ROLES)
  @ApiOkResponse({ type: [DefinitionView] })
  versions(@Param('key') key: string): Promise<ProcessDefinition[]> {
    return this.catalog.versions(key);
  }

  @Get('definitions/:key/versions/:version')
  @Roles(...PERSON_ROLES)
  @ApiOkResponse({ type: DefinitionView })
  version(@Param('key') key: string, @Param('version', VersionParamPipe) version: number): Promise<ProcessDefinition> {
    return this.catalog.definition(key, version);
  }

  /** What a flow diagram draws: steps, joint reviews and their members, timers, routes and outcomes. */
  @Get('definitions/:key/versions/:version/graph')
  @Roles(...PERSON_ROLES)
  @ApiOkResponse({ type: DefinitionGraphView })
  graph(@Param('key') key: string, @Param('version', VersionParamPipe) version: number): Promise<DefinitionGraph> {
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
  @Roles(...PERSON_ROLES)
  calendars(): Promise<WorkingCalendar[]> {
    return this.catalog.calendars();
  }

  @Get('calendars/:id')
  @Roles(...PERSON_ROLES)
  calendar(@Param('id') id: string): Promise<WorkingCalendar> {
    return this.catalog.publishedCalendar(id);
  }

  @Post('calendars')
  @Roles('administrator')
  publishCalendar(
    @CurrentActor() actor: Actor,
    @Body() dto: PublishCalendarDto,
  ): Promise<{ calendar: WorkingCalendar; revision: number; runningCases: { signalled: number; failed: number } }> {
    return this.catalog.publishCalendar(actor, dto.calendar);
  }
}
