import {
  Actor,
  CaseState,
  Clock,
  clockStatus,
  conditionOf,
  LocalizedText,
  ProcessContext,
  showInstant,
  WorkingCalendar,
  zoneOf,
} from '@onewindow/domain';
import type { RequestEntity, TimelineEntry } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { legalActions, LegalActionView } from './legal-actions';

/** A statutory or step clock as a status page shows it: how much is used and left, and why it is stopped. */
export class ClockView {
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: [String], description: 'Why the clock is stopped (empty while it runs)' }) pausedBy!: string[];
  @ApiProperty({ description: 'ISO-8601 UTC; while paused, where it would land if resumed now' }) dueAt!: string;
  @ApiPropertyOptional({ description: 'The last permitted day, for day-based clocks' }) dueDate?: string;
  @ApiProperty({ description: 'Allowed in total, extensions included (in `unit`)' }) allowed!: number;
  @ApiProperty({ description: 'Used so far (in `unit`)' }) used!: number;
  @ApiProperty({ description: 'Left (in `unit`); negative when overdue' }) remaining!: number;
  @ApiProperty({ enum: ['workingDays', 'calendarDays', 'milliseconds'] }) unit!:
    'workingDays' | 'calendarDays' | 'milliseconds';
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: "The due date counts past the calendar's coverage and may still move" })
  provisional!: boolean;
  @ApiProperty() startedAt!: string;
}

const UNIT_MS: Record<string, number> = { hours: 3_600_000, minutes: 60_000, seconds: 1000 };

export function toClockView(calendar: WorkingCalendar, clock: Clock, at: string): ClockView {
  const status = clockStatus(calendar, clock, at);
  const inUnit = (d: { value: number; unit: string }) =>
    status.remainingUnit === 'milliseconds'
      ? d.value * (UNIT_MS[d.unit] ?? 0)
      : d.unit === clock.duration.unit
        ? d.value
        : 0;
  const allowed = [clock.duration, ...clock.extensions].reduce((sum, d) => sum + inUnit(d), 0);
  return {
    paused: status.paused,
    pausedBy: [...clock.pausedBy],
    dueAt: status.dueAt,
    ...(status.dueDate !== undefined ? { dueDate: status.dueDate } : {}),
    allowed,
    used: Math.max(0, allowed - status.remaining),
    remaining: status.remaining,
    unit: status.remainingUnit,
    overdue: status.overdue,
    provisional: status.provisional === true,
    startedAt: clock.startedAt,
  };
}

export class TransitionActorView {
  @ApiProperty() id!: string;
  @ApiProperty() role!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) department!: string | null;
}

export class DurationView {
  @ApiProperty() value!: number;
  @ApiProperty() unit!: string;
}

export class InformationItemView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, description: "In the reader's language" }) description!: LocalizedText;
}

export class StepView {
  @ApiProperty() stepId!: string;
  @ApiProperty({ type: String, description: "In the reader's language" }) title!: LocalizedText;
  @ApiProperty() kind!: string;
  @ApiProperty() department!: string;
  @ApiProperty() state!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who holds the step' }) assignee!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeName!: string | null;
  @ApiProperty({ type: [String], description: 'Outcomes that may be decided' }) outcomes!: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO-8601 UTC' }) dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The due instant in the jurisdiction's time zone" })
  dueLocal!: string | null;
  @ApiProperty({ description: "The due date counts past the calendar's coverage and may still move" })
  dueProvisional!: boolean;
  @ApiPropertyOptional({ nullable: true, type: ClockView, description: 'The step clock: used, left, paused' })
  clock!: ClockView | null;
  @ApiProperty() escalated!: boolean;
}

/** A condition of a decision; one recorded before conditions carried reasons has its text alone. */
export class ConditionView {
  @ApiProperty({ type: String, description: "In the reader's language when it is a standard condition" })
  text!: LocalizedText;
  @ApiPropertyOptional({ type: String }) reason?: LocalizedText;
  @ApiPropertyOptional() policy?: string;
  @ApiPropertyOptional({ description: "The key of the definition's standard condition it is" }) standard?: string;
}

/** The document a `document.issued` transition issued: its number once recorded. */
export class IssuedDocumentRefView {
  @ApiProperty() documentId!: string;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional() number?: string;
}

export class TransitionView {
  @ApiProperty() seq!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) stepId!: string | null;
  @ApiProperty() event!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: TransitionActorView }) actor!: TransitionActorView;
  @ApiPropertyOptional({ nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: [ConditionView] }) conditions!: ConditionView[] | null;
  @ApiPropertyOptional({ type: [String], description: 'Advice recorded with a decision' }) informatives?: string[];
  @ApiPropertyOptional({ type: [String], description: 'The reasons of a refusal' }) refusalReasons?: string[];
  @ApiPropertyOptional({ type: () => IssuedDocumentRefView }) document?: IssuedDocumentRefView;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) at!: string;
}

/** Who holds an active step, for lists. */
export class StepHolderView {
  @ApiProperty() stepId!: string;
  @ApiProperty({ type: String, description: "In the reader's language" }) title!: LocalizedText;
  @ApiProperty() department!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) assignee!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dueAt!: string | null;
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
  @ApiPropertyOptional({ nullable: true, type: String }) nextDueAt!: string | null;
  @ApiProperty({ type: [StepHolderView], description: 'The active steps and who holds them' })
  holders!: StepHolderView[];
}

export class RequestListView {
  @ApiProperty({ type: [RequestSummaryView] }) items!: RequestSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ExtensionView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) stepId!: string | null;
  @ApiProperty({ type: DurationView }) by!: DurationView;
  @ApiProperty() reason!: string;
  @ApiProperty() status!: string;
}

export class InformationRequestView {
  @ApiProperty() id!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ type: [InformationItemView] }) items!: InformationItemView[];
  @ApiProperty() status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional({ description: "Why the information is needed, in the clerk's words" }) reason?: string;
  @ApiPropertyOptional({ description: 'ISO-8601 UTC: the end of the time given to answer' }) answerBy?: string;
  @ApiPropertyOptional({ description: 'The last day to answer, for day-based time, in the jurisdiction' })
  answerByDate?: string;
}

export class RequestDetailView extends RequestSummaryView {
  @ApiProperty() workflowId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  attributes!: Record<string, string | number | boolean>;
  @ApiProperty({ type: [StepView] }) currentSteps!: StepView[];
  @ApiPropertyOptional({ nullable: true, type: ClockView, description: "The case's statutory clock" })
  clock!: ClockView | null;
  @ApiProperty({ description: "The calendar of the request's jurisdiction" }) calendarId!: string;
  @ApiProperty({ type: [ExtensionView] }) extensions!: ExtensionView[];
  @ApiProperty({ type: [InformationRequestView] }) informationRequests!: InformationRequestView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Last moment an appeal may be lodged' })
  appealDeadline!: string | null;
  @ApiProperty({ description: "The jurisdiction's IANA time zone: days are counted in it" }) timeZone!: string;
  @ApiProperty({ description: "Some due date counts past the calendar's coverage and may still move" })
  provisional!: boolean;
  @ApiProperty({ description: 'Flags set by clock thresholds (e.g. fee-refund-due)' })
  flags!: Array<{ name: string; consequence: string; at: string }>;
  @ApiProperty({ type: [TransitionView] }) timeline!: TransitionView[];
  @ApiProperty({ type: [LegalActionView], description: 'What the caller may do now, as the rules say' })
  legalActions!: LegalActionView[];
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
    holders: ((row.state as CaseState | null)?.activeSteps ?? []).map((step) => ({
      stepId: step.stepId,
      title: step.title,
      department: step.owner.department,
      assignee: step.assignee ?? null,
      assigneeName: step.assigneeName ?? null,
      dueAt: step.dueAt ?? null,
    })),
  };
}

/** The full status page of a request; clocks are read as of `now` in the request's own calendar. */
export function toDetailView(
  row: RequestEntity,
  timeline: TransitionView[],
  ctx: ProcessContext,
  actor: Actor,
  now: string,
): RequestDetailView {
  const state = row.state as CaseState;
  const calendar = ctx.calendar;
  const caseClock = state.caseClock ? toClockView(calendar, state.caseClock, now) : null;
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
      clock: step.clock ? toClockView(calendar, step.clock, now) : null,
      escalated: step.escalated,
    })),
    clock: caseClock,
    calendarId: calendar.id,
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
      ...(q.reason !== undefined ? { reason: q.reason } : {}),
      ...(q.answerBy !== undefined ? { answerBy: q.answerBy } : {}),
      ...(q.answerByDate !== undefined ? { answerByDate: q.answerByDate } : {}),
    })),
    appealDeadline: state.appealDeadline ?? null,
    timeZone: zoneOf(calendar),
    provisional,
    flags: state.flags ?? [],
    timeline: timeline.map((t) => (t.conditions ? { ...t, conditions: t.conditions.map(standardIn(ctx)) } : t)),
    legalActions: legalActions(ctx, state, actor, now),
  };
}

/** A standard condition is read in every served language, as its definition words it; any other as recorded. */
function standardIn(ctx: ProcessContext): (condition: ConditionView) => ConditionView {
  const standards = new Map((ctx.definition.standardConditions ?? []).map((c) => [c.key, c]));
  return (condition) => {
    const standard = condition.standard === undefined ? undefined : standards.get(condition.standard);
    return standard ? { ...condition, text: standard.text, reason: standard.reason } : condition;
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
    conditions: t.conditions?.map(conditionOf) ?? null,
    ...decisionDetails(t.data as Record<string, unknown> | null),
    source: t.source,
    at: t.occurredAt.toISOString(),
  };
}

/** What a transition's data adds to the timeline: a decision's informatives and refusal reasons, an issued document. */
function decisionDetails(
  data: Record<string, unknown> | null,
): Pick<TransitionView, 'informatives' | 'refusalReasons' | 'document'> {
  if (!data) return {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined);
  const informatives = strings(data.informatives);
  const refusalReasons = strings(data.refusalReasons);
  const document =
    typeof data.documentId === 'string' && typeof data.kind === 'string'
      ? {
          documentId: data.documentId,
          kind: data.kind,
          ...(typeof data.number === 'string' ? { number: data.number } : {}),
        }
      : undefined;
  return {
    ...(informatives ? { informatives } : {}),
    ...(refusalReasons ? { refusalReasons } : {}),
    ...(document ? { document } : {}),
  };
}
