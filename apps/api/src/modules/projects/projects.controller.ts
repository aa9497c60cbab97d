import type { Actor } from '@onewindow/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { CreateProjectDto, ListProjectsQuery } from './projects.dto';
import { ProjectListView, ProjectView } from './project.views';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** Bundles an investment's requests in stages under a whole-project working-day limit; stage 1 starts now. */
  @Post()
  @HttpCode(202)
  @Roles('applicant')
  @ApiResponse({ status: 202, type: ProjectView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectView> {
    return this.projects.create(actor, dto);
  }

  /** An applicant's own projects; all for staff. */
  @Get()
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: ProjectListView })
  list(@CurrentActor() actor: Actor, @Query() query: ListProjectsQuery): Promise<ProjectListView> {
    return this.projects.list(actor, query);
  }

  /** Each request's status, the stage clocks, projected dates, slack and the critical path. */
  @Get(':id')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: ProjectView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProjectView> {
    return this.projects.get(actor, id);
  }
}
