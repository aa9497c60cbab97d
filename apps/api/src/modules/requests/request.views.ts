import { CaseState, clockStatus, ClockStatus, showInstant, WorkingCalendar, zoneOf } from '@onewindow/domain';
import type { RequestEntity, TimelineEntry } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StepView {
  @ApiProperty() stepId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() department!: string;
  @ApiProperty() state!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Who holds the step' }) assignee!: string | null;
  @ApiPropertyOptional({ nullable: true }) assigneeName!: string | null;
  @ApiProperty({ type: [String], description: 'Outcomes that may be decided' }) outcomes!: string[];
  @ApiPropertyOptional({ nullable: true, description: 'ISO-8601 UTC' }) dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The due instant in the jurisdiction's time zone" })
  dueLocal!: string | null;
  @ApiProperty({ description: "The due date counts past the calendar's coverage and may still move" })
  dueProvisional!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'The step clock: paused, remaining, overdue' })
  clock!: ClockStatus | null;
  @ApiProperty() escalated!: boolean;
}

export class TransitionView {
  @ApiProperty() seq!: number;
  @ApiPropertyOptional({ nullable: true }) stepId!: string | null;
  @ApiProperty() event!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() actor!: { id: string; role: string; department: string | null };
  @ApiPropertyOptional({ nullable: true }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: [String] }) conditions!: string[] | null;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) at!: string;
}

export class RequestSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty() definitionVersion!: number;
  @ApiProperty() requestType!: string;
  @ApiProperty() applicantId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true }) nextDueAt!: string | null;
}

export class RequestListView {
  @ApiProperty({ type: [RequestSummaryView] }) items!: RequestSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ExtensionView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true }) stepId!: string | null;
  @ApiProperty() by!: { value: number; unit: string };
  @ApiProperty() reason!: string;
  @ApiProperty() status!: string;
}

export class InformationRequestView {
  @ApiProperty() id!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty() items!: Array<{ id: string; description: string }>;
  @ApiProperty() status!: string;
  @ApiProperty() requestedAt!: string;
}

export class RequestDetailView extends RequestSummaryView {
  @ApiProperty() workflowId!: string;
  @ApiProperty() attributes!: Record<string, string | number | boolean>;
  @ApiProperty({ type: [StepView] }) currentSteps!: StepView[];
  @ApiPropertyOptional({ nullable: true, description: "The case's statutory clock: paused, remaining, overdue" })
  clock!: ClockStatus | null;
  @ApiProperty({ type: [ExtensionView] }) extensions!: ExtensionView[];
  @ApiProperty({ type: [InformationRequestView] }) informationRequests!: InformationRequestView[];
  @ApiPropertyOptional({ nullable: true, description: 'Last moment an appeal may be lodged' })
  appealDeadline!: string | null;
  @ApiProperty({ description: "The jurisdiction's IANA time zone: days are counted in it" }) timeZone!: string;
  @ApiProperty({ description: "Some due date counts past the calendar's coverage and may still move" })
  provisional!: boolean;
  @ApiProperty({ description: 'Flags set by clock thresholds (e.g. fee-refund-due)' })
  flags!: Array<{ name: string; consequence: string; at: string }>;
  @ApiProperty({ type: [TransitionView] }) timeline!: TransitionView[];
}

export function toSummaryView(row: RequestEntity): RequestSummaryView {
  return {
    id: row.id,
    title: row.title,
    definitionKey: row.definitionKey,
    definitionVersion: row.definitionVersion,
    requestType: row.requestType,
    applicantId: row.applicantId,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
  };
}

/** The full status page of a request; clocks are read as of `now` in the request's own calendar. */
export function toDetailView(
  row: RequestEntity,
  timeline: TransitionView[],
  calendar: WorkingCalendar,
  now: string,
): RequestDetailView {
  const state = row.state as CaseState;
  const caseClock = state.caseClock ? clockStatus(calendar, state.caseClock, now) : null;
  const provisional =
    caseClock?.provisional === true ||
    state.activeSteps.some((s) => s.dueProvisional === true || s.clock?.provisional === true);
  return {
    ...toSummaryView(row),
    workflowId: row.workflowId,
    attributes: row.attributes,
    currentSteps: state.activeSteps.map((step) => ({
      stepId: step.stepId,
      title: step.title,
      kind: step.kind,
      department: step.owner.department,
      state: step.state,
      assignee: step.assignee ?? null,
      assigneeName: step.assigneeName ?? null,
      outcomes: step.outcomes,
      dueAt: step.dueAt ?? null,
      dueLocal: step.dueAt ? showInstant(step.dueAt, calendar) : null,
      dueProvisional: step.dueProvisional === true,
      clock: step.clock ? clockStatus(calendar, step.clock, now) : null,
      escalated: step.escalated,
    })),
    clock: caseClock,
    extensions: state.extensions.map((x) => ({
      id: x.id,
      stepId: x.stepId,
      by: x.by,
      reason: x.reason,
      status: x.status,
    })),
    informationRequests: state.informationRequests.map((q) => ({
      id: q.id,
      stepId: q.stepId,
      items: q.items,
      status: q.status,
      requestedAt: q.requestedAt,
    })),
    appealDeadline: state.appealDeadline ?? null,
    timeZone: zoneOf(calendar),
    provisional,
    flags: state.flags ?? [],
    timeline,
  };
}

export function toTransitionView(t: TimelineEntry): TransitionView {
  return {
    seq: t.seq,
    stepId: t.stepId,
    event: t.event,
    from: t.fromState,
    to: t.toState,
    actor: { id: t.actorId, role: t.actorRole, department: t.actorDepartment },
    outcome: t.outcome,
    reason: t.reason,
    conditions: t.conditions,
    source: t.source,
    at: t.occurredAt.toISOString(),
  };
}
