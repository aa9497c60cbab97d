import { DOCUMENT_KINDS, NOTICE_EVENTS } from '../documents/issued-document.types';
import { checkDuration, checkDurationRules } from './duration-schema';
import type { ProcessDefinition } from './process-definition.types';
import {
  checkKnownKeys,
  checkLabel,
  checkOneOf,
  checkOptionalBoolean,
  checkString,
  describe,
  isRecord,
  SchemaErrors,
  type SchemaFault,
} from './schema-reader';
import { checkAttributeReferences, checkAttributesSchema } from './attributes-schema';
import { checkLabelMap, checkStandardConditions } from './label-maps';
import { checkPublicationDeclaration } from './publication-schema';
import { checkStep, STEP_ID, type StepReference, type StepShape } from './step-schema';

export type ValidationResult<T> = { ok: true; definition: T } | { ok: false; errors: string[]; faults: SchemaFault[] };

const ROOT_KEYS = [
  'key',
  'version',
  'title',
  'requestType',
  'jurisdiction',
  'start',
  'steps',
  'caseClock',
  'extensionByAgreement',
  'extensions',
  'actionWindows',
  'appeal',
  'attributesSchema',
  'documents',
  'notices',
  'outcomeLabels',
  'departments',
  'standardConditions',
  'publication',
];

export interface ValidationOptions {
  /**
   * Every label in every served language: what a definition being published must have. Versions already
   * stored may carry plain-string labels; they still load and replay.
   */
  everyLanguage?: boolean;
}

/**
 * Validates a process definition published as data. Errors name the path and the fault, e.g.
 * "steps[2].next.approved: unknown step 'isuance'". On success the definition is returned as a detached copy.
 */
export function validateDefinition(
  input: unknown,
  options: ValidationOptions = {},
): ValidationResult<ProcessDefinition> {
  const errors = new SchemaErrors(options.everyLanguage);
  if (!isRecord(input)) {
    const message = `must be an object (${describe(input)})`;
    return { ok: false, errors: [`definition: ${message}`], faults: [{ path: 'definition', message }] };
  }
  checkKnownKeys(errors, input, 'definition', ROOT_KEYS);
  checkString(errors, input.key, 'key', /^[a-z0-9][a-z0-9-]*$/);
  if (typeof input.version !== 'number' || !Number.isInteger(input.version) || input.version < 1) {
    errors.add('version', `must be a positive whole number (${describe(input.version)})`);
  }
  checkLabel(errors, input.title, 'title');
  checkOneOf(errors, input.requestType, 'requestType', ['permit', 'land-use', 'infrastructure'] as const);
  checkString(errors, input.jurisdiction, 'jurisdiction');
  checkOptionalBoolean(errors, input.extensionByAgreement, 'extensionByAgreement');

  const refs: StepReference[] = [];
  const shapes: StepShape[] = [];
  if (!Array.isArray(input.steps) || input.steps.length === 0) errors.add('steps', 'must be a non-empty list of steps');
  else input.steps.forEach((step, i) => shapes.push(...checkStep(errors, step, `steps[${i}]`, refs)));

  const ids = new Map<string, StepShape>();
  for (const shape of shapes) {
    if (shape.id === undefined) continue;
    const first = ids.get(shape.id);
    if (first) errors.add(`${shape.path}.id`, `duplicate step id '${shape.id}' (also ${first.path})`);
    else ids.set(shape.id, shape);
  }
  const resolve = (path: string, stepId: string) => {
    const target = ids.get(stepId);
    if (!target) errors.add(path, `unknown step '${stepId}'${suggest(stepId, [...ids.keys()])}`);
    else if (target.member) errors.add(path, `'${stepId}' is a member review: route to its group instead`);
  };
  for (const ref of refs) resolve(ref.path, ref.stepId);

  const roots: string[] = [];
  const start = typeof input.start === 'string' ? [input.start] : input.start;
  if (!Array.isArray(start) || start.length === 0)
    errors.add('start', `must name the first step(s) (${describe(input.start)})`);
  else
    start.forEach((id, i) => {
      const path = Array.isArray(input.start) ? `start[${i}]` : 'start';
      if (checkString(errors, id, path, STEP_ID)) {
        resolve(path, id);
        roots.push(id);
      }
    });

  checkCaseClock(errors, input.caseClock, (path, id) => resolve(path, id));
  checkExtensions(errors, input.extensions);
  checkWindows(errors, input.actionWindows, (path, id) => resolve(path, id));
  const appealStep = checkAppeal(errors, input.appeal, (path, id) => resolve(path, id));
  if (appealStep) roots.push(appealStep);
  checkDocuments(errors, input.documents, (path, id) => resolve(path, id));
  checkNotices(errors, input.notices, (path, id) => resolve(path, id));
  checkLabelMap(errors, input.outcomeLabels, 'outcomeLabels');
  checkLabelMap(errors, input.departments, 'departments');
  checkStandardConditions(errors, input.standardConditions, 'standardConditions');

  const declared = checkAttributesSchema(errors, input.attributesSchema, 'attributesSchema');
  if (declared) checkAttributeReferences(errors, input, declared);
  checkPublicationDeclaration(errors, input, (path, id) => resolve(path, id));

  if (errors.list.length === 0) checkReachability(errors, shapes, ids, roots);
  if (errors.list.length > 0) return { ok: false, errors: errors.list, faults: errors.faults };
  return { ok: true, definition: JSON.parse(JSON.stringify(input)) as ProcessDefinition };
}

function checkCaseClock(errors: SchemaErrors, value: unknown, resolve: (path: string, id: string) => void): void {
  if (value === undefined) return;
  if (!isRecord(value)) return errors.add('caseClock', `must be a clock policy (${describe(value)})`);
  checkKnownKeys(errors, value, 'caseClock', [
    'duration',
    'durationRules',
    'startsAfter',
    'pauseOnApplicant',
    'thresholds',
  ]);
  checkThresholds(errors, value.thresholds);
  if (value.duration === undefined && value.durationRules === undefined) errors.add('caseClock', 'needs a duration');
  if (value.duration !== undefined) checkDuration(errors, value.duration, 'caseClock.duration');
  checkDurationRules(errors, value.durationRules, 'caseClock.durationRules');
  if (value.startsAfter !== undefined && checkString(errors, value.startsAfter, 'caseClock.startsAfter')) {
    resolve('caseClock.startsAfter', value.startsAfter);
  }
  if (typeof value.pauseOnApplicant !== 'boolean') {
    errors.add('caseClock.pauseOnApplicant', `must be true or false (${describe(value.pauseOnApplicant)})`);
  }
}

/** `notices`: which document is issued when which step completes (with which outcomes). */
function checkNotices(errors: SchemaErrors, value: unknown, resolve: (path: string, id: string) => void): void {
  if (value === undefined) return;
  const shape = '{ kind, step, outcomes?, validFor? } or { kind, on, validFor? }';
  if (!Array.isArray(value)) return errors.add('notices', `must be a list of ${shape}`);
  value.forEach((notice, i) => {
    const p = `notices[${i}]`;
    if (!isRecord(notice)) return errors.add(p, `must be ${shape}`);
    checkKnownKeys(errors, notice, p, ['kind', 'step', 'outcomes', 'on', 'validFor']);
    checkOneOf(errors, notice.kind, `${p}.kind`, DOCUMENT_KINDS);
    if (notice.on !== undefined) {
      checkOneOf(errors, notice.on, `${p}.on`, NOTICE_EVENTS);
      if (notice.step !== undefined || notice.outcomes !== undefined) {
        errors.add(p, 'names an event (on) or a step and its outcomes, not both');
      }
    } else if (checkString(errors, notice.step, `${p}.step`, STEP_ID)) resolve(`${p}.step`, notice.step);
    if (notice.outcomes !== undefined) {
      if (!Array.isArray(notice.outcomes) || notice.outcomes.length === 0) {
        errors.add(`${p}.outcomes`, 'must be a non-empty list of outcomes');
      } else notice.outcomes.forEach((o, j) => checkString(errors, o, `${p}.outcomes[${j}]`));
    }
    if (notice.validFor !== undefined) checkDuration(errors, notice.validFor, `${p}.validFor`);
  });
}

function checkThresholds(errors: SchemaErrors, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value))
    return errors.add('caseClock.thresholds', 'must be a list of { name, after, consequence }');
  const names = new Set<string>();
  value.forEach((t, i) => {
    const p = `caseClock.thresholds[${i}]`;
    if (!isRecord(t)) return errors.add(p, 'must be { name, after, consequence }');
    checkKnownKeys(errors, t, p, ['name', 'after', 'consequence']);
    if (checkString(errors, t.name, `${p}.name`, /^[a-z0-9][a-z0-9-]*$/)) {
      if (names.has(t.name)) errors.add(`${p}.name`, `threshold '${t.name}' is named twice`);
      names.add(t.name);
    }
    checkDuration(errors, t.after, `${p}.after`);
    checkOneOf(errors, t.consequence, `${p}.consequence`, ['flag', 'escalate', 'notify'] as const);
  });
}

function checkExtensions(errors: SchemaErrors, value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value)) return errors.add('extensions', `must be an extension policy (${describe(value)})`);
  checkKnownKeys(errors, value, 'extensions', ['byAgreement', 'byAuthority', 'maxCount', 'maxTotal', 'grounds']);
  checkOptionalBoolean(errors, value.byAgreement, 'extensions.byAgreement');
  checkOptionalBoolean(errors, value.byAuthority, 'extensions.byAuthority');
  checkLimits(errors, value, 'extensions');
  if (value.grounds === undefined) return;
  if (!Array.isArray(value.grounds) || value.grounds.length === 0) {
    return errors.add('extensions.grounds', `must be a non-empty list of { id, label } (${describe(value.grounds)})`);
  }
  const ids = new Set<string>();
  value.grounds.forEach((g, i) => {
    const p = `extensions.grounds[${i}]`;
    if (!isRecord(g)) return errors.add(p, `must be { id, label, maxCount?, maxTotal? } (${describe(g)})`);
    checkKnownKeys(errors, g, p, ['id', 'label', 'maxCount', 'maxTotal']);
    if (checkString(errors, g.id, `${p}.id`, /^[a-z0-9][a-z0-9-]*$/)) {
      if (ids.has(g.id)) errors.add(`${p}.id`, `'${g.id}' is declared twice`);
      ids.add(g.id);
    }
    checkLabel(errors, g.label, `${p}.label`);
    checkLimits(errors, g, p);
  });
}

/** An extension limit: a number of extensions and a total extra time, each optional. */
function checkLimits(errors: SchemaErrors, value: Record<string, unknown>, path: string): void {
  const n = value.maxCount;
  if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
    errors.add(`${path}.maxCount`, `must be a positive whole number (${describe(n)})`);
  }
  if (value.maxTotal !== undefined) checkDuration(errors, value.maxTotal, `${path}.maxTotal`);
}

const WINDOWED_ACTIONS = ['request-information', 'accept-with-missing', 'propose-extension', 'decide'] as const;

function checkWindows(errors: SchemaErrors, value: unknown, resolve: (path: string, id: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return errors.add('actionWindows', 'must be a list of action windows');
  const names = new Set<string>();
  value.forEach((w, i) => {
    const p = `actionWindows[${i}]`;
    if (!isRecord(w)) return errors.add(p, 'must be { name, action, within, anchor }');
    checkKnownKeys(errors, w, p, ['name', 'action', 'stepId', 'outcome', 'within', 'anchor', 'default']);
    if (checkString(errors, w.name, `${p}.name`)) {
      if (names.has(w.name)) errors.add(`${p}.name`, `window '${w.name}' is named twice`);
      names.add(w.name);
    }
    checkOneOf(errors, w.action, `${p}.action`, WINDOWED_ACTIONS);
    if (w.stepId !== undefined && checkString(errors, w.stepId, `${p}.stepId`)) resolve(`${p}.stepId`, w.stepId);
    if (w.action === 'decide' && w.stepId === undefined) errors.add(`${p}.stepId`, 'a window on decide names its step');
    if (w.outcome !== undefined) {
      checkString(errors, w.outcome, `${p}.outcome`);
      if (w.action !== 'decide') errors.add(`${p}.outcome`, 'applies to decide only');
    }
    checkDuration(errors, w.within, `${p}.within`);
    if (w.anchor !== 'receipt') checkAnchor(errors, w.anchor, `${p}.anchor`, resolve);
    if (w.default !== undefined) checkString(errors, w.default, `${p}.default`);
  });
}

const ANCHOR_EVENTS = [
  'answer-information',
  'upload-document',
  'give-notice',
  'decide',
  'accept-with-missing',
] as const;

function checkAnchor(
  errors: SchemaErrors,
  anchor: unknown,
  path: string,
  resolve: (path: string, id: string) => void,
): void {
  if (isRecord(anchor) && typeof anchor.afterStep === 'string') {
    checkKnownKeys(errors, anchor, path, ['afterStep']);
    return resolve(`${path}.afterStep`, anchor.afterStep);
  }
  if (!isRecord(anchor) || anchor.event === undefined) {
    return errors.add(path, `must be 'receipt', { afterStep } or { event } (${describe(anchor)})`);
  }
  checkKnownKeys(errors, anchor, path, ['event', 'stepId', 'outcome', 'restart']);
  checkOneOf(errors, anchor.event, `${path}.event`, ANCHOR_EVENTS);
  if (anchor.stepId !== undefined && checkString(errors, anchor.stepId, `${path}.stepId`)) {
    resolve(`${path}.stepId`, anchor.stepId);
  }
  if (anchor.outcome !== undefined) {
    checkString(errors, anchor.outcome, `${path}.outcome`);
    if (anchor.event !== 'decide') errors.add(`${path}.outcome`, 'applies to a decide anchor only');
  }
  if (anchor.restart !== undefined && typeof anchor.restart !== 'boolean') {
    errors.add(`${path}.restart`, 'must be true or false');
  }
}

function checkDocuments(errors: SchemaErrors, value: unknown, resolve: (path: string, id: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return errors.add('documents', `must be a list of document types (${describe(value)})`);
  const keys = new Set<string>();
  value.forEach((doc: unknown, i) => {
    const path = `documents[${i}]`;
    if (!isRecord(doc)) return errors.add(path, `must be { key, title, requiredAt? } (${describe(doc)})`);
    checkKnownKeys(errors, doc, path, ['key', 'title', 'requiredAt']);
    if (checkString(errors, doc.key, `${path}.key`, /^[a-z0-9][a-z0-9-]*$/)) {
      if (keys.has(doc.key)) errors.add(`${path}.key`, `duplicate document type '${doc.key}'`);
      keys.add(doc.key);
    }
    checkLabel(errors, doc.title, `${path}.title`);
    if (doc.requiredAt === undefined) return;
    if (!Array.isArray(doc.requiredAt)) return errors.add(`${path}.requiredAt`, 'must be a list of step ids');
    doc.requiredAt.forEach((id: unknown, j) => {
      if (checkString(errors, id, `${path}.requiredAt[${j}]`, STEP_ID)) resolve(`${path}.requiredAt[${j}]`, id);
    });
  });
}

function checkAppeal(
  errors: SchemaErrors,
  value: unknown,
  resolve: (path: string, id: string) => void,
): string | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    errors.add('appeal', `must be { step, window } (${describe(value)})`);
    return undefined;
  }
  checkKnownKeys(errors, value, 'appeal', ['step', 'window']);
  checkDuration(errors, value.window, 'appeal.window');
  if (!checkString(errors, value.step, 'appeal.step')) return undefined;
  resolve('appeal.step', value.step);
  return value.step;
}

function checkReachability(
  errors: SchemaErrors,
  shapes: StepShape[],
  ids: Map<string, StepShape>,
  roots: string[],
): void {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(ids.get(id)?.targets ?? []));
  }
  for (const shape of shapes) {
    if (shape.member || shape.id === undefined || seen.has(shape.id)) continue;
    errors.add(shape.path, `step '${shape.id}' is unreachable from start`);
  }
}

/** " (did you mean 'issuance'?)" for a near miss, because most unknown ids are typos. */
function suggest(id: string, known: string[]): string {
  const near = known.find((k) => distance(k, id) <= 2);
  return near ? ` (did you mean '${near}'?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
