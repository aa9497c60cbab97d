import { ACTOR_ROLES } from '../actor';
import type { Condition, Duration, DurationUnit, StepOwner } from './process-definition.types';
import { checkKnownKeys, checkOneOf, checkString, describe, isRecord, type SchemaErrors } from './schema-reader';

export const DURATION_UNITS: readonly DurationUnit[] = [
  'workingDays',
  'calendarDays',
  'months',
  'years',
  'hours',
  'minutes',
  'seconds',
];
/** Units counted on the calendar's local dates, with counting conventions; the others are exact spans. */
const DATE_UNITS: readonly unknown[] = ['workingDays', 'calendarDays', 'months', 'years'];
const OPERATORS = ['==', '!=', '>', '>=', '<', '<='] as const;
// Steps are worked by people or the applicant; system, auditors and administrators own no work.
const OWNER_ROLES = ACTOR_ROLES.filter((r) => r === 'applicant' || r === 'clerk' || r === 'supervisor');

export function checkDuration(errors: SchemaErrors, value: unknown, path: string): value is Duration {
  if (!isRecord(value)) {
    errors.add(path, `must be { value, unit } (${describe(value)})`);
    return false;
  }
  checkKnownKeys(errors, value, path, ['value', 'unit', 'counting']);
  if (!checkOneOf(errors, value.unit, `${path}.unit`, DURATION_UNITS)) return false;
  const days = DATE_UNITS.includes(value.unit);
  if (value.counting !== undefined) {
    if (!days) errors.add(`${path}.counting`, `applies to day, month and year periods only, not ${String(value.unit)}`);
    else checkCounting(errors, value.counting, `${path}.counting`, value.unit !== 'workingDays');
  }
  const n = value.value;
  const ok = typeof n === 'number' && Number.isFinite(n) && n > 0 && (!days || Number.isInteger(n)) && n <= 36_500;
  if (!ok) errors.add(`${path}.value`, `must be a positive ${days ? 'whole number' : 'number'} (${describe(n)})`);
  return ok;
}

export function checkCondition(errors: SchemaErrors, value: unknown, path: string): value is Condition {
  if (!isRecord(value)) {
    errors.add(path, `must be a condition object (${describe(value)})`);
    return false;
  }
  const before = errors.list.length;
  if ('all' in value || 'any' in value) {
    const key = 'all' in value ? 'all' : 'any';
    checkKnownKeys(errors, value, path, [key]);
    const list = value[key];
    if (!Array.isArray(list) || list.length === 0)
      errors.add(`${path}.${key}`, 'must be a non-empty list of conditions');
    else list.forEach((c, i) => checkCondition(errors, c, `${path}.${key}[${i}]`));
  } else if ('not' in value) {
    checkKnownKeys(errors, value, path, ['not']);
    checkCondition(errors, value.not, `${path}.not`);
  } else {
    checkKnownKeys(errors, value, path, ['attr', 'op', 'value']);
    checkString(errors, value.attr, `${path}.attr`);
    checkOneOf(errors, value.op, `${path}.op`, OPERATORS);
    if (!['string', 'number', 'boolean'].includes(typeof value.value)) {
      errors.add(`${path}.value`, `must be a string, number or boolean (${describe(value.value)})`);
    } else if (['>', '>=', '<', '<='].includes(value.op as string) && typeof value.value === 'boolean') {
      errors.add(`${path}.value`, `cannot order booleans with '${String(value.op)}'`);
    }
  }
  return errors.list.length === before;
}

export function checkOwner(errors: SchemaErrors, value: unknown, path: string): value is StepOwner {
  if (!isRecord(value)) {
    errors.add(path, `must be { department, role } (${describe(value)})`);
    return false;
  }
  checkKnownKeys(errors, value, path, ['department', 'role']);
  const ok = checkString(errors, value.department, `${path}.department`);
  return checkOneOf(errors, value.role, `${path}.role`, OWNER_ROLES) && ok;
}

export function checkDurationRules(errors: SchemaErrors, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    errors.add(path, `must be a list of { when, duration } (${describe(value)})`);
    return;
  }
  value.forEach((rule, i) => {
    if (!isRecord(rule)) return errors.add(`${path}[${i}]`, 'must be { when, duration }');
    checkKnownKeys(errors, rule, `${path}[${i}]`, ['when', 'duration']);
    checkCondition(errors, rule.when, `${path}[${i}].when`);
    checkDuration(errors, rule.duration, `${path}[${i}].duration`);
  });
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after midnight of a local `HH:MM` time. */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function checkCounting(errors: SchemaErrors, value: unknown, path: string, mayRoll: boolean): void {
  if (!isRecord(value)) return errors.add(path, `must be a counting convention object (${describe(value)})`);
  checkKnownKeys(errors, value, path, ['from', 'rollForward', 'start', 'cutOff', 'endsAt']);
  if (value.from !== undefined) checkOneOf(errors, value.from, `${path}.from`, ['after', 'beginning-with'] as const);
  if (value.rollForward !== undefined) {
    if (typeof value.rollForward !== 'boolean') errors.add(`${path}.rollForward`, 'must be true or false');
    else if (value.rollForward && !mayRoll) {
      errors.add(
        `${path}.rollForward`,
        'applies to calendar-day, month and year periods (a working-day period always ends on one)',
      );
    }
  }
  if (value.start !== undefined) {
    checkOneOf(errors, value.start, `${path}.start`, ['on-receipt', 'next-working-day'] as const);
  }
  for (const key of ['cutOff', 'endsAt'] as const) {
    const time = value[key];
    if (time !== undefined && (typeof time !== 'string' || !LOCAL_TIME.test(time))) {
      errors.add(`${path}.${key}`, `must be a local time HH:MM (${describe(time)})`);
    }
  }
  if (value.cutOff !== undefined && value.start !== 'next-working-day') {
    errors.add(`${path}.cutOff`, "needs start: 'next-working-day' (what happens after the cut-off)");
  }
}
