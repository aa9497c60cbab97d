import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface TimeUseFilter {
  /** Steps activated in [from, to); either end may be open. */
  from?: Date;
  to?: Date;
  department?: string;
  definitionKey?: string;
  now: Date;
}

export interface TimeUseRow {
  department: string;
  stepId: string;
  /** Activations not yet completed or cancelled. */
  open: number;
  /** Open ones past their due date. */
  overdue: number;
  /** Activations that ended in a decision (completed), whose working days are measured. */
  completed: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
}

export interface BreachRow {
  requestId: string;
  requestTitle: string;
  definitionKey: string;
  applicantId: string;
  stepId: string;
  title: string;
  department: string;
  state: string;
  assignee: string | null;
  dueAt: Date | null;
  escalatedAt: string | null;
  caseOverdue: boolean;
}

/**
 * Every activation of a step ('activated') paired with the first later transition that completed or cancelled
 * it; its working days are counted in SQL on the latest calendar of the request's jurisdiction, as the domain's
 * `workingDaysBetween` counts them: UTC days in (activation day, completion day], a day counting when it is not
 * a weekend day nor a holiday, or when it is a make-up working day.
 */
const TIME_USE_SQL = `
WITH cal AS (
  SELECT DISTINCT ON (id) id,
    ARRAY(SELECT jsonb_array_elements_text(calendar->'weekendDays')::int) AS weekend,
    ARRAY(SELECT (h->>'date')::date FROM jsonb_array_elements(calendar->'holidays') h) AS holidays,
    ARRAY(SELECT (m->>'date')::date FROM jsonb_array_elements(calendar->'makeUpWorkingDays') m) AS makeup
  FROM calendars ORDER BY id, revision DESC
), spells AS (
  SELECT a.request_id, a.step_id, a.data->'owner'->>'department' AS department, a.occurred_at AS started,
         e.occurred_at AS ended, e.to_state AS ended_as, COALESCE(o.due_at, (a.data->>'dueAt')::timestamptz) AS due_at,
         r.jurisdiction
  FROM transitions a
  JOIN requests r ON r.id = a.request_id
  LEFT JOIN LATERAL (
    SELECT x.occurred_at, x.to_state FROM transitions x
    WHERE x.request_id = a.request_id AND x.step_id = a.step_id AND x.seq > a.seq
      AND x.to_state IN ('completed', 'cancelled')
    ORDER BY x.seq LIMIT 1
  ) e ON true
  LEFT JOIN open_tasks o ON e.occurred_at IS NULL AND o.request_id = a.request_id AND o.step_id = a.step_id
  WHERE a.event = 'activated'
    AND ($1::timestamptz IS NULL OR a.occurred_at >= $1) AND ($2::timestamptz IS NULL OR a.occurred_at < $2)
    AND ($3::text IS NULL OR a.data->'owner'->>'department' = $3) AND ($4::text IS NULL OR r.definition_key = $4)
), measured AS (
  SELECT s.*, CASE WHEN s.ended_as = 'completed' THEN (
    SELECT count(*) FROM generate_series(
      (s.started AT TIME ZONE 'UTC')::date + 1, (s.ended AT TIME ZONE 'UTC')::date, interval '1 day') g(d)
    WHERE g.d::date = ANY (COALESCE(c.makeup, '{}'))
       OR (extract(dow FROM g.d)::int <> ALL (COALESCE(c.weekend, '{0,6}'))
           AND NOT g.d::date = ANY (COALESCE(c.holidays, '{}')))
  ) END AS days
  FROM spells s LEFT JOIN cal c ON c.id = s.jurisdiction
)
SELECT department, step_id AS "stepId",
  count(*) FILTER (WHERE ended IS NULL)::int AS open,
  count(*) FILTER (WHERE ended IS NULL AND due_at < $5)::int AS overdue,
  count(*) FILTER (WHERE ended_as = 'completed')::int AS completed,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS "medianWorkingDays",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS "p90WorkingDays"
FROM measured
GROUP BY department, step_id
ORDER BY department, step_id`;

/** Open steps past their due date or escalated to a supervisor (the flag lives in the case's state). */
const BREACHES_SQL = `
SELECT t.request_id AS "requestId", r.title AS "requestTitle", r.definition_key AS "definitionKey",
       r.applicant_id AS "applicantId", t.step_id AS "stepId", t.title, t.department, t.state, t.assignee,
       t.due_at AS "dueAt", a->>'escalatedAt' AS "escalatedAt", COALESCE((r.state->>'caseOverdue')::boolean, false) AS "caseOverdue"
FROM open_tasks t
JOIN requests r ON r.id = t.request_id
LEFT JOIN LATERAL (
  SELECT s AS a FROM jsonb_array_elements(r.state->'activeSteps') s
  WHERE s->>'stepId' = t.step_id AND (s->>'escalated')::boolean
) esc ON true
WHERE (t.due_at < $1 OR esc.a IS NOT NULL OR (r.state->>'caseOverdue')::boolean)
  AND ($2::text IS NULL OR t.department = $2)
ORDER BY t.due_at ASC NULLS LAST, t.request_id, t.step_id
LIMIT $3`;

/** What supervisors read: where time goes per department and step, and what is late. */
@Injectable()
export class SupervisionRepository {
  constructor(private readonly db: DataSource) {}

  async timeUse(filter: TimeUseFilter, manager: EntityManager = this.db.manager): Promise<TimeUseRow[]> {
    const rows = await manager.query<TimeUseRow[]>(TIME_USE_SQL, [
      filter.from ?? null,
      filter.to ?? null,
      filter.department ?? null,
      filter.definitionKey ?? null,
      filter.now,
    ]);
    const num = (v: number | string | null) => (v === null ? null : Number(v));
    return rows.map((r) => ({
      ...r,
      medianWorkingDays: num(r.medianWorkingDays),
      p90WorkingDays: num(r.p90WorkingDays),
    }));
  }

  breaches(now: Date, department: string | undefined, limit: number): Promise<BreachRow[]> {
    return this.db.query<BreachRow[]>(BREACHES_SQL, [now, department ?? null, limit]);
  }
}
