import { AppConfig } from '@onewindow/config';
import { ProjectMember, projectWorkflowId } from '@onewindow/contracts';
import {
  Actor,
  CaseState,
  CURRENT_ENGINE_RULES,
  dayOf,
  DEFAULT_LANGUAGE,
  planStages,
  ProcessContext,
  scheduleProject,
  stageForm,
  textIn,
  WorkingCalendar,
  zoneOf,
} from '@onewindow/domain';
import { ProjectEntity, ProjectRepository, RequestEntity } from '@onewindow/persistence';
import type { projectWorkflow } from '@onewindow/workflows';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { CreateProjectDto, ListProjectsQuery } from './projects.dto';
import {
  ProjectListView,
  ProjectRequestView,
  ProjectStageView,
  ProjectSummaryView,
  ProjectView,
} from './project.views';

const DEFAULT_PAGE_SIZE = 25;
const DECIDED_BAD = ['refused', 'withdrawn', 'lapsed', 'revoked', 'cancelled'];

/**
 * Investment projects: stages of requests under one whole-project working-day limit. Each stage takes one form
 * and starts every department's request of it in parallel once the stage before is approved (the project
 * workflow does that). The project page reads PostgreSQL only: the project row and its requests' rows.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly config: AppConfig,
    private readonly temporal: Client,
    private readonly projects: ProjectRepository,
    private readonly catalog: DefinitionCatalogService,
  ) {}

  async create(applicant: Actor, dto: CreateProjectDto): Promise<ProjectView> {
    const contexts = new Map<string, ProcessContext>();
    for (const key of dto.stages.flatMap((s) => s.definitionKeys)) {
      if (!contexts.has(key)) contexts.set(key, await this.catalog.latestContext(key));
    }
    const stages = dto.stages.map((s) => ({
      name: s.name,
      definitions: s.definitionKeys.map((k) => contexts.get(k)!.definition),
      attributes: s.attributes ?? {},
      plannedWorkingDays: s.plannedWorkingDays,
    }));
    const members = planStages(stages).map((m) => ({ ...m, requestId: randomUUID() }));
    const calendar = contexts.get(dto.stages[0].definitionKeys[0])!.calendar;
    const id = randomUUID();
    const submittedAt = new Date().toISOString();
    const workflowMembers: ProjectMember[] = members.map((m) => {
      const ctx = contexts.get(m.definitionKey)!;
      return {
        id: m.id,
        // A request's title is stored text, as an applicant types one: the process named in the default language.
        title: `${dto.stages[m.stage - 1].name}: ${textIn(ctx.definition.title, DEFAULT_LANGUAGE)}`,
        ctx,
        attributes: m.attributes,
        ...(m.dependsOn.length > 0 ? { dependsOn: m.dependsOn } : {}),
        plannedWorkingDays: m.plannedWorkingDays,
        requestId: m.requestId,
      };
    });
    const workflowId = projectWorkflowId(id);
    await this.temporal.workflow.start<typeof projectWorkflow>('projectWorkflow', {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      args: [
        {
          projectId: id,
          title: dto.title,
          applicant,
          submittedAt,
          calendar,
          limitWorkingDays: dto.limitWorkingDays,
          members: workflowMembers,
          engineRules: CURRENT_ENGINE_RULES,
        },
      ],
    });
    const row: ProjectEntity = {
      id,
      title: dto.title,
      applicantId: applicant.id,
      calendarId: calendar.id,
      limitWorkingDays: dto.limitWorkingDays,
      stages: dto.stages.map((s, i) => ({
        name: s.name,
        plannedWorkingDays: s.plannedWorkingDays,
        attributes: s.attributes ?? {},
        requests: members
          .filter((m) => m.stage === i + 1)
          .map((m) => ({ memberId: m.id, definitionKey: m.definitionKey, requestId: m.requestId })),
      })),
      workflowId,
      submittedAt: new Date(submittedAt),
    };
    await this.projects.insert(row);
    return this.view(row, calendar, [], contexts);
  }

  async list(actor: Actor, query: ListProjectsQuery): Promise<ProjectListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const own = actor.role === 'applicant' ? actor.id : undefined;
    const [rows, total] = await this.projects.list(own, pageSize, (page - 1) * pageSize);
    const zones = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.calendarId))) zones.set(id, zoneOf(await this.catalog.calendar(id)));
    return { items: rows.map((row) => summary(row, zones.get(row.calendarId)!)), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<ProjectView> {
    const row = await this.projects.findById(id);
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, `No project ${id}`);
    // Applicants see only their own projects: another's answers 404, as if it did not exist, and is logged.
    if (actor.role === 'applicant' && row.applicantId !== actor.id) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `No project ${id}`, undefined, true);
    }
    const requests = await this.projects.requests(row.stages.flatMap((s) => s.requests.map((r) => r.requestId)));
    const contexts = new Map<string, ProcessContext>();
    for (const r of requests) {
      if (!contexts.has(r.definitionKey)) {
        contexts.set(r.definitionKey, await this.catalog.context(r.definitionKey, r.definitionVersion));
      }
    }
    for (const key of row.stages.flatMap((s) => s.requests.map((r) => r.definitionKey))) {
      if (!contexts.has(key)) contexts.set(key, await this.catalog.latestContext(key));
    }
    return this.view(row, await this.catalog.calendar(row.calendarId), requests, contexts);
  }

  private view(
    row: ProjectEntity,
    calendar: WorkingCalendar,
    requests: RequestEntity[],
    contexts: Map<string, ProcessContext>,
  ): ProjectView {
    const byId = new Map(requests.map((r) => [r.id, r]));
    const startedOn = dayOf(row.submittedAt.toISOString(), calendar);
    const members = row.stages.flatMap((stage, i) =>
      stage.requests.map((r) => ({ ...r, stage: i, planned: stage.plannedWorkingDays })),
    );
    const known = (requestId: string): string | undefined => {
      const state = byId.get(requestId)?.state as CaseState | undefined;
      if (!state) return undefined;
      if (state.decision && !['in_progress', 'awaiting_applicant'].includes(state.status)) {
        return dayOf(state.decision.at, calendar);
      }
      const dues = [state.caseClock?.dueDate, ...state.activeSteps.map((s) => s.dueDate)].filter(
        (d): d is string => d !== undefined,
      );
      return dues.length > 0 ? dues.sort()[dues.length - 1] : undefined;
    };
    const schedule = scheduleProject(
      calendar,
      startedOn,
      row.limitWorkingDays,
      members.map((m) => {
        const dependsOn = m.stage === 0 ? [] : row.stages[m.stage - 1].requests.map((r) => r.memberId);
        const due = known(m.requestId);
        return due !== undefined
          ? { id: m.memberId, dependsOn, dueDate: due }
          : { id: m.memberId, dependsOn, workingDays: m.planned };
      }),
    );
    const scheduled = new Map(schedule.requests.map((s) => [s.id, s]));
    const stages: ProjectStageView[] = row.stages.map((stage, i) => {
      const views: ProjectRequestView[] = stage.requests.map((r) => {
        const request = byId.get(r.requestId);
        const state = request?.state as CaseState | undefined;
        const s = scheduled.get(r.memberId)!;
        return {
          memberId: r.memberId,
          definitionKey: r.definitionKey,
          requestId: r.requestId,
          status: request?.status ?? 'waiting',
          nextDueAt: request?.nextDueAt?.toISOString() ?? null,
          timeZone: zoneOf(contexts.get(r.definitionKey)!.calendar),
          dueProvisional:
            state?.caseClock?.provisional === true || (state?.activeSteps ?? []).some((a) => a.dueProvisional === true),
          projectedStart: s.start,
          projectedDue: s.due,
          onCriticalPath: schedule.criticalPath.includes(r.memberId),
        };
      });
      const statuses = views.map((v) => v.status);
      const status = statuses.some((st) => DECIDED_BAD.includes(st))
        ? 'failed'
        : statuses.every((st) => st === 'approved')
          ? 'done'
          : statuses.some((st) => st !== 'waiting')
            ? 'running'
            : 'waiting';
      return {
        number: i + 1,
        name: stage.name,
        status,
        form: stageForm(stage.requests.map((r) => contexts.get(r.definitionKey)!.definition)),
        plannedWorkingDays: stage.plannedWorkingDays,
        clock: {
          projectedStart: views.map((v) => v.projectedStart).sort()[0],
          projectedDue: views.map((v) => v.projectedDue).sort()[views.length - 1],
        },
        requests: views,
      };
    });
    const status = stages.some((s) => s.status === 'failed')
      ? 'failed'
      : stages.every((s) => s.status === 'done')
        ? 'completed'
        : 'in_progress';
    return {
      ...summary(row, zoneOf(calendar)),
      calendar: { id: calendar.id, timeZone: zoneOf(calendar) },
      limitDate: schedule.limitDate,
      projectedDate: schedule.projectedDate,
      slackWorkingDays: schedule.slackWorkingDays,
      withinLimit: schedule.withinLimit,
      criticalPath: schedule.criticalPath,
      status,
      stages,
    };
  }
}

function summary(row: ProjectEntity, timeZone: string): ProjectSummaryView {
  return {
    id: row.id,
    title: row.title,
    applicantId: row.applicantId,
    submittedAt: row.submittedAt.toISOString(),
    timeZone,
    limitWorkingDays: row.limitWorkingDays,
  };
}
