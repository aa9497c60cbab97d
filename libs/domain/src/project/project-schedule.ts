import { addWorkingDays, workingDaysBetween } from '../calendar/working-calendar';
import type { IsoDate, WorkingCalendar } from '../calendar/working-calendar.types';
import { DomainError } from '../domain-error';

/** One request of a project bundle (land use, construction permit, grid connection…). */
export interface ProjectRequest {
  id: string;
  /** Requests that must finish before this one can start (e.g. the permit needs the land-use approval). */
  dependsOn?: string[];
  /** The request's known due (or completion) date, e.g. from its case state; wins over `workingDays`. */
  dueDate?: IsoDate;
  /** Otherwise its planned length in working days, counted from when its dependencies finish. */
  workingDays?: number;
}

export interface ScheduledRequest {
  id: string;
  start: IsoDate;
  due: IsoDate;
}

export interface ProjectSchedule {
  /** The whole-project limit, e.g. 120 working days from land to construction permit. */
  limitWorkingDays: number;
  limitDate: IsoDate;
  projectedDate: IsoDate;
  workingDaysUsed: number;
  /** Working days to spare (negative: the bundle is projected to breach its limit). */
  slackWorkingDays: number;
  withinLimit: boolean;
  /** The chain of requests that sets the projected date, first to last. */
  criticalPath: string[];
  requests: ScheduledRequest[];
}

/**
 * Schedules a project bundle against its whole-project working-day limit: each request starts when the
 * requests it depends on are due, and the latest chain is the critical path. Pure, so the project
 * workflow can recompute it whenever a child's due date moves.
 */
export function scheduleProject(
  calendar: WorkingCalendar,
  startedOn: IsoDate,
  limitWorkingDays: number,
  requests: ProjectRequest[],
): ProjectSchedule {
  const byId = new Map(requests.map((r) => [r.id, r]));
  if (byId.size !== requests.length) throw new DomainError('INVALID_EVENT', 'project requests must have unique ids');
  if (requests.length === 0) throw new DomainError('INVALID_EVENT', 'a project needs at least one request');
  const scheduled = new Map<string, ScheduledRequest & { after?: string }>();
  const visiting = new Set<string>();

  const visit = (id: string): ScheduledRequest & { after?: string } => {
    const done = scheduled.get(id);
    if (done) return done;
    const request = byId.get(id);
    if (!request) throw new DomainError('INVALID_EVENT', `project request depends on unknown request '${id}'`);
    if (visiting.has(id))
      throw new DomainError('INVALID_EVENT', `project requests depend on each other in a cycle at '${id}'`);
    visiting.add(id);
    let start = startedOn;
    let after: string | undefined;
    for (const dep of request.dependsOn ?? []) {
      const d = visit(dep);
      if (d.due > start) [start, after] = [d.due, dep];
    }
    visiting.delete(id);
    let due = request.dueDate;
    if (due === undefined) {
      if (request.workingDays === undefined) {
        throw new DomainError('INVALID_EVENT', `project request '${id}' needs a dueDate or workingDays`);
      }
      due = addWorkingDays(calendar, start, request.workingDays);
    }
    const entry = { id, start, due, ...(after !== undefined ? { after } : {}) };
    scheduled.set(id, entry);
    return entry;
  };

  const all = requests.map((r) => visit(r.id));
  const last = all.reduce((a, b) => (b.due > a.due ? b : a));
  const criticalPath: string[] = [];
  for (let at: (typeof all)[number] | undefined = last; at; at = at.after ? scheduled.get(at.after) : undefined) {
    criticalPath.unshift(at.id);
  }
  const limitDate = addWorkingDays(calendar, startedOn, limitWorkingDays);
  const workingDaysUsed = workingDaysBetween(calendar, startedOn, last.due);
  return {
    limitWorkingDays,
    limitDate,
    projectedDate: last.due,
    workingDaysUsed,
    slackWorkingDays: limitWorkingDays - workingDaysUsed,
    withinLimit: workingDaysUsed <= limitWorkingDays,
    criticalPath,
    requests: all.map(({ id, start, due }) => ({ id, start, due })),
  };
}
