import { checkCondition, checkDuration, checkDurationRules, checkOwner } from './duration-schema';
import {
  checkKnownKeys,
  checkLabel,
  checkOneOf,
  checkOptionalBoolean,
  checkString,
  describe,
  isRecord,
  SchemaErrors,
} from './schema-reader';

export const STEP_ID = /^[a-z0-9][a-z0-9._-]*$/;
const KINDS = ['task', 'parallel', 'period', 'applicant', 'payment', 'inspection'] as const;
const ROUTED_STATUSES = ['approved', 'refused', 'lapsed', 'revoked'] as const;
const COMMON_KEYS = [
  'id',
  'title',
  'owner',
  'duration',
  'durationRules',
  'when',
  'onTimeout',
  'informationRequests',
  'clock',
];
const SEQUENTIAL_KEYS = [...COMMON_KEYS, 'kind', 'next', 'missingDocuments', 'pledgeOutcomes', 'consultees'];
/** A key of the consultee directory: what a definition names an organisation by. */
export const ORGANISATION_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PARALLEL_KEYS = [...COMMON_KEYS, 'kind', 'mode', 'quorum', 'members', 'memberOutcomes', 'passOutcome', 'next'];
const MEMBER_KEYS = [...COMMON_KEYS, 'kind'];

/** Outcomes fixed by the kind of step, because external events or timers produce them. */
const FIXED_OUTCOMES: Partial<Record<(typeof KINDS)[number], string[]>> = {
  period: ['elapsed'],
  payment: ['paid'],
  inspection: ['passed', 'failed'],
};

/** A step reference found in a route, checked once all ids are known. */
export interface StepReference {
  path: string;
  stepId: string;
}

export interface StepShape {
  id?: string;
  path: string;
  member: boolean;
  /** Routes to other steps: from → to. */
  targets: string[];
}

/** Checks one top-level step and its members; collects the step ids it routes to. */
export function checkStep(errors: SchemaErrors, value: unknown, path: string, refs: StepReference[]): StepShape[] {
  if (!isRecord(value)) {
    errors.add(path, `must be a step object (${describe(value)})`);
    return [];
  }
  const shape: StepShape = { path, member: false, targets: [] };
  if (checkString(errors, value.id, `${path}.id`, STEP_ID)) shape.id = value.id;
  if (!checkOneOf(errors, value.kind, `${path}.kind`, KINDS)) return [shape];
  checkKnownKeys(errors, value, path, value.kind === 'parallel' ? PARALLEL_KEYS : SEQUENTIAL_KEYS);
  const outcomes =
    value.kind === 'parallel' ? checkGroup(errors, value, path) : Object.keys(isRecord(value.next) ? value.next : {});
  checkCommon(errors, value, path, outcomes);
  checkRoutes(errors, value, path, refs, shape);
  if (value.kind !== 'parallel') checkSequential(errors, value, path, outcomes);
  const shapes = [shape];
  if (value.kind === 'parallel' && Array.isArray(value.members)) {
    const memberOutcomes = Array.isArray(value.memberOutcomes) ? (value.memberOutcomes as string[]) : [];
    value.members.forEach((m, i) => {
      const mPath = `${path}.members[${i}]`;
      if (!isRecord(m)) return errors.add(mPath, `must be a step object (${describe(m)})`);
      checkKnownKeys(errors, m, mPath, MEMBER_KEYS);
      if (m.kind !== undefined && m.kind !== 'task') errors.add(`${mPath}.kind`, "member reviews are tasks ('task')");
      const member: StepShape = { path: mPath, member: true, targets: [] };
      if (checkString(errors, m.id, `${mPath}.id`, STEP_ID)) member.id = m.id;
      checkCommon(errors, m, mPath, memberOutcomes);
      shapes.push(member);
    });
  }
  return shapes;
}

function checkCommon(errors: SchemaErrors, step: Record<string, unknown>, path: string, outcomes: string[]): void {
  checkLabel(errors, step.title, `${path}.title`);
  checkOwner(errors, step.owner, `${path}.owner`);
  if (step.duration !== undefined) checkDuration(errors, step.duration, `${path}.duration`);
  checkDurationRules(errors, step.durationRules, `${path}.durationRules`);
  if (step.when !== undefined) checkCondition(errors, step.when, `${path}.when`);
  if (step.clock !== undefined) checkOneOf(errors, step.clock, `${path}.clock`, ['counts', 'excluded'] as const);
  const rfi = step.informationRequests;
  if (rfi !== undefined) {
    if (!isRecord(rfi)) errors.add(`${path}.informationRequests`, 'must be { clock, exhaustive?, answerWithin? }');
    else {
      checkKnownKeys(errors, rfi, `${path}.informationRequests`, ['clock', 'exhaustive', 'answerWithin']);
      if (rfi.answerWithin !== undefined)
        checkDuration(errors, rfi.answerWithin, `${path}.informationRequests.answerWithin`);
      checkOneOf(errors, rfi.clock, `${path}.informationRequests.clock`, ['pause', 'restart'] as const);
      checkOptionalBoolean(errors, rfi.exhaustive, `${path}.informationRequests.exhaustive`);
    }
  }
  checkTimeout(errors, step, path, outcomes);
}

function checkTimeout(errors: SchemaErrors, step: Record<string, unknown>, path: string, outcomes: string[]): void {
  const policy = step.onTimeout;
  const p = `${path}.onTimeout`;
  if (policy === undefined) {
    if (step.kind === 'period' && step.duration === undefined && step.durationRules === undefined) {
      errors.add(`${path}.duration`, 'a period needs a duration');
    }
    return;
  }
  if (!isRecord(policy)) return errors.add(p, `must be a timeout policy (${describe(policy)})`);
  if (!checkOneOf(errors, policy.action, `${p}.action`, ['escalate', 'deemed', 'complete', 'lapse'] as const)) return;
  if (step.duration === undefined && step.durationRules === undefined)
    errors.add(p, 'the step has no duration to time out');
  const keys = {
    escalate: ['action'],
    deemed: ['action', 'outcome', 'effect', 'requiresNotice', 'noticePeriod', 'noticeAfterExpiry', 'effectiveFrom'],
    complete: ['action', 'outcome'],
    lapse: ['action'],
  };
  checkKnownKeys(errors, policy, p, keys[policy.action]);
  if (policy.action === 'deemed' || policy.action === 'complete') {
    if (checkString(errors, policy.outcome, `${p}.outcome`) && !outcomes.includes(policy.outcome)) {
      errors.add(`${p}.outcome`, `'${policy.outcome}' is not an outcome of the step (${outcomes.join(', ')})`);
    }
  }
  if (policy.action === 'deemed') {
    checkOneOf(errors, policy.effect, `${p}.effect`, ['complete', 'approved'] as const);
    checkOptionalBoolean(errors, policy.requiresNotice, `${p}.requiresNotice`);
    if (policy.effect === 'approved' && policy.requiresNotice !== true) {
      errors.add(p, 'a deemed approval needs requiresNotice: true (the law grants it only after notice)');
    }
    if (policy.noticePeriod !== undefined) {
      checkDuration(errors, policy.noticePeriod, `${p}.noticePeriod`);
      if (policy.effect !== 'approved') errors.add(`${p}.noticePeriod`, 'applies to a deemed approval only');
    }
    if (policy.effectiveFrom !== undefined) {
      checkOneOf(errors, policy.effectiveFrom, `${p}.effectiveFrom`, ['deadline', 'receipt'] as const);
    }
    checkOptionalBoolean(errors, policy.noticeAfterExpiry, `${p}.noticeAfterExpiry`);
    if (policy.noticeAfterExpiry === true) {
      const path = `${p}.noticeAfterExpiry`;
      if (policy.effect !== 'approved') errors.add(path, 'applies to a deemed approval only');
      // The approval takes effect at the notice, so nothing may time or date it otherwise.
      for (const key of ['noticePeriod', 'effectiveFrom'] as const) {
        if (policy[key] !== undefined)
          errors.add(path, `cannot go with ${key} (the approval takes effect at the notice)`);
      }
    }
  }
}

function checkGroup(errors: SchemaErrors, step: Record<string, unknown>, path: string): string[] {
  checkOneOf(errors, step.mode, `${path}.mode`, ['all', 'any', 'quorum'] as const);
  const members = Array.isArray(step.members) ? step.members : undefined;
  if (!members || members.length === 0) errors.add(`${path}.members`, 'a review group needs at least one member');
  if (step.mode === 'quorum') {
    const q = step.quorum;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || (members && q > members.length)) {
      errors.add(`${path}.quorum`, `must be a whole number from 1 to the number of members (${describe(q)})`);
    }
  } else if (step.quorum !== undefined) errors.add(`${path}.quorum`, "only applies to mode 'quorum'");
  const outcomes = step.memberOutcomes;
  if (!Array.isArray(outcomes) || outcomes.length === 0 || !outcomes.every((o) => typeof o === 'string' && o)) {
    errors.add(`${path}.memberOutcomes`, 'must be a non-empty list of outcome names, most decisive first');
    return [];
  }
  const list = outcomes as string[];
  const dup = list.find((o, i) => list.indexOf(o) !== i);
  if (dup) errors.add(`${path}.memberOutcomes`, `'${dup}' is listed twice`);
  if (typeof step.passOutcome !== 'string' || !list.includes(step.passOutcome)) {
    errors.add(`${path}.passOutcome`, `must be one of memberOutcomes (${describe(step.passOutcome)})`);
  }
  if (isRecord(step.next)) {
    for (const o of list) if (!(o in step.next)) errors.add(`${path}.next`, `no route for member outcome '${o}'`);
  }
  return list;
}

function checkSequential(errors: SchemaErrors, step: Record<string, unknown>, path: string, outcomes: string[]): void {
  const fixed = FIXED_OUTCOMES[step.kind as (typeof KINDS)[number]];
  if (fixed) {
    const routed = outcomes.filter((o) => o !== 'skipped');
    for (const o of fixed)
      if (!routed.includes(o)) errors.add(`${path}.next`, `a ${String(step.kind)} step needs a route for '${o}'`);
    for (const o of routed)
      if (!fixed.includes(o)) errors.add(`${path}.next.${o}`, `a ${String(step.kind)} step has no outcome '${o}'`);
  }
  const missing = step.missingDocuments;
  if (missing !== undefined) {
    const p = `${path}.missingDocuments`;
    if (!isRecord(missing)) errors.add(p, 'must be { outcome, deadline }');
    else {
      checkKnownKeys(errors, missing, p, ['outcome', 'deadline']);
      if (checkString(errors, missing.outcome, `${p}.outcome`) && !outcomes.includes(missing.outcome)) {
        errors.add(`${p}.outcome`, `'${missing.outcome}' is not an outcome of the step`);
      }
      checkDuration(errors, missing.deadline, `${p}.deadline`);
    }
  }
  if (step.consultees !== undefined) checkConsultees(errors, step, path);
  const pledged = step.pledgeOutcomes;
  if (pledged !== undefined) {
    if (!Array.isArray(pledged)) errors.add(`${path}.pledgeOutcomes`, 'must be a list of outcomes');
    else
      pledged.forEach((o, i) => {
        if (typeof o !== 'string' || !outcomes.includes(o))
          errors.add(`${path}.pledgeOutcomes[${i}]`, `${describe(o)} is not an outcome of the step`);
      });
  }
}

/** Each organisation once, by a directory key; a time to respond where the step itself has none. */
function checkConsultees(errors: SchemaErrors, step: Record<string, unknown>, path: string): void {
  const p = `${path}.consultees`;
  if (!Array.isArray(step.consultees) || step.consultees.length === 0) {
    return errors.add(p, 'must be a non-empty list of { organisation, when?, respondWithin? }');
  }
  if (step.kind !== 'period' && step.kind !== 'task') errors.add(p, 'only a period or task step consults');
  const stepTimed = step.duration !== undefined || step.durationRules !== undefined;
  const seen = new Set<string>();
  step.consultees.forEach((c, i) => {
    const at = `${p}[${i}]`;
    if (!isRecord(c)) return errors.add(at, `must be { organisation, when?, respondWithin? } (${describe(c)})`);
    checkKnownKeys(errors, c, at, ['organisation', 'when', 'respondWithin']);
    if (checkString(errors, c.organisation, `${at}.organisation`, ORGANISATION_KEY)) {
      if (seen.has(c.organisation)) errors.add(`${at}.organisation`, `'${c.organisation}' is consulted twice`);
      seen.add(c.organisation);
    }
    if (c.when !== undefined) checkCondition(errors, c.when, `${at}.when`);
    if (c.respondWithin !== undefined) checkDuration(errors, c.respondWithin, `${at}.respondWithin`);
    else if (!stepTimed) errors.add(`${at}.respondWithin`, 'required: the step has no period to respond within');
  });
}

function checkRoutes(
  errors: SchemaErrors,
  step: Record<string, unknown>,
  path: string,
  refs: StepReference[],
  shape: StepShape,
): void {
  const next = step.next;
  if (!isRecord(next) || Object.keys(next).length === 0)
    return errors.add(`${path}.next`, 'must map at least one outcome to a step or status');
  if (step.when !== undefined && !('skipped' in next)) {
    errors.add(`${path}.next.skipped`, "required: the step has a 'when' condition and must say where a skip leads");
  }
  for (const [outcome, target] of Object.entries(next)) {
    const p = `${path}.next.${outcome}`;
    const add = (id: unknown, at: string) => {
      if (checkString(errors, id, at)) {
        refs.push({ path: at, stepId: id });
        shape.targets.push(id);
      }
    };
    if (typeof target === 'string') add(target, p);
    else if (Array.isArray(target)) {
      if (target.length === 0) errors.add(p, 'an empty list of steps');
      target.forEach((id, i) => add(id, `${p}[${i}]`));
    } else if (isRecord(target) && 'end' in target) {
      checkKnownKeys(errors, target, p, ['end']);
      if (target.end !== true) errors.add(`${p}.end`, 'must be true');
    } else if (isRecord(target)) {
      checkKnownKeys(errors, target, p, ['status', 'then']);
      checkOneOf(errors, target.status, `${p}.status`, ROUTED_STATUSES);
      if (target.then !== undefined) {
        if (target.status !== 'approved') errors.add(`${p}.then`, "only an 'approved' route can start further steps");
        if (!Array.isArray(target.then)) errors.add(`${p}.then`, 'must be a list of step ids');
        else target.then.forEach((id, i) => add(id, `${p}.then[${i}]`));
      }
    } else errors.add(p, `must be a step id, a list of step ids, { status } or { end: true } (${describe(target)})`);
  }
}
