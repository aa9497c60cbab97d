import { ACTOR_ROLES } from '../actor';
import { isInstant } from '../calendar/working-calendar';
import { DURATION_UNITS } from '../definition/duration-schema';
import { Refusal } from '../domain-error';
import type { CaseEvent } from './case-event.types';
import { CASE_EVENT_TYPES } from './case-event.types';
import { CONSULTEE_POSITIONS } from './case-state.types';

/*
 * Events arrive from HTTP bodies and Temporal payloads, so the reducer checks their shape itself: a
 * malformed event must be refused with a reason, never crash the workflow task.
 */

type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === 'string' && v.trim().length > 0;
const optStr: Check = (v) => v === undefined || typeof v === 'string';
const strList: Check = (v) => Array.isArray(v) && v.every(str);
const optStrList: Check = (v) => v === undefined || strList(v);
const conditions: Check = (v) =>
  v === undefined ||
  (Array.isArray(v) &&
    v.every((c) => str(c) || (isRecord(c) && str(c.text) && str(c.reason) && optStr(c.policy) && optStr(c.standard))));
const items: Check = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((i) => isRecord(i) && str(i.id) && str(i.description));
const duration: Check = (v) =>
  isRecord(v) &&
  typeof v.value === 'number' &&
  Number.isInteger(v.value) &&
  v.value > 0 &&
  (DURATION_UNITS as readonly unknown[]).includes(v.unit);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FIELDS: { [K in CaseEvent['type']]: Record<string, Check> } = {
  decide: {
    stepId: str,
    outcome: str,
    reason: optStr,
    conditions,
    informatives: optStrList,
    refusalReasons: optStrList,
    effectiveFrom: (v) => v === undefined || isInstant(v),
  },
  'upload-document': {
    documentType: str,
    fileName: str,
    sha256: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
    size: (v) => typeof v === 'number' && Number.isInteger(v) && v > 0,
    contentType: str,
  },
  timer: { timerId: str },
  withdraw: { reason: optStr },
  'request-information': { stepId: str, items, reason: optStr },
  'answer-information': { stepId: str, itemIds: optStrList, note: optStr },
  'accept-with-missing': { stepId: str, items: (v) => v === undefined || items(v), reason: optStr },
  'document-verified': { itemId: str, documentId: optStr },
  'payment-confirmed': { stepId: str, reference: str, amount: (v) => v === undefined || typeof v === 'number' },
  'inspection-result': { stepId: str, passed: (v) => typeof v === 'boolean', findings: optStr },
  pledge: { statement: str, items: optStrList },
  'give-notice': { stepId: str },
  'propose-extension': {
    stepId: (v) => v === undefined || v === null || str(v),
    by: duration,
    reason: str,
    basis: (v) => v === undefined || v === 'agreement' || v === 'authority',
    ground: (v) => v === undefined || str(v),
  },
  'approve-extension': { extensionId: str },
  'calendar-published': {
    calendar: (v) => isRecord(v) && str(v.id),
    revision: (v) => typeof v === 'number' && Number.isInteger(v) && v > 0,
  },
  'migrate-definition': {
    definition: (v) => isRecord(v) && str(v.key) && typeof v.version === 'number',
    mapping: (v) => v === undefined || (isRecord(v) && Object.entries(v).every(([from, to]) => str(from) && str(to))),
    reason: str,
  },
  'accept-extension': { extensionId: str },
  'decline-extension': { extensionId: str, reason: optStr },
  appeal: { grounds: str },
  claim: { stepId: str },
  release: { stepId: str, reason: optStr },
  reassign: { stepId: str, assignee: (v) => isRecord(v) && str(v.id) && optStr(v.name), reason: optStr },
  'pause-clock': { reason: str },
  'resume-clock': {},
  'revoke-document': { documentId: str, reason: str },
  'suspend-document': { documentId: str, reason: str },
  'reinstate-document': { documentId: str, reason: str },
  'vary-document': {
    documentId: str,
    reason: str,
    conditions: (v) =>
      v === undefined ||
      (Array.isArray(v) && v.every((c) => isRecord(c) && str(c.text) && str(c.reason) && optStr(c.policy))),
  },
  'publish-comment': {
    commentId: str,
    sourceHash: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
    sha256: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
    text: (v) => typeof v === 'string',
    redactions: (v) => Array.isArray(v) && v.every((r) => isRecord(r) && str(r.field) && str(r.by) && str(r.reason)),
  },
  'resend-consultation': { organisation: str },
  'revoke-consultation': { organisation: str, reason: str },
  'respond-consultation': {
    organisation: str,
    link: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1,
    position: (v) => CONSULTEE_POSITIONS.includes(v as never),
    text: (v) => typeof v === 'string',
    conditions: optStrList,
    documents: (v) =>
      v === undefined ||
      (Array.isArray(v) &&
        v.every(
          (d) =>
            isRecord(d) &&
            str(d.documentId) &&
            str(d.fileName) &&
            typeof d.sha256 === 'string' &&
            /^[0-9a-f]{64}$/.test(d.sha256),
        )),
  },
};

/** INVALID_EVENT naming the first bad field; undefined for a well-formed event. */
export function eventShapeRefusal(event: unknown): Refusal | undefined {
  const invalid = (message: string) => new Refusal('INVALID_EVENT', message);
  if (!isRecord(event)) return invalid('an event must be an object');
  const type = event.type as CaseEvent['type'];
  if (!CASE_EVENT_TYPES.includes(type)) return invalid(`unknown event type '${String(event.type)}'`);
  if (!isInstant(event.at)) return invalid(`${type}.at: '${String(event.at)}' is not an ISO-8601 UTC time`);
  const actor = event.actor;
  if (!isRecord(actor) || !str(actor.id) || !ACTOR_ROLES.includes(actor.role as never)) {
    return invalid(`${type}.actor: needs an id and a role (${ACTOR_ROLES.join(', ')})`);
  }
  for (const [field, check] of Object.entries(FIELDS[type])) {
    if (!check(event[field])) return invalid(`${type}.${field}: missing or malformed`);
  }
  return undefined;
}
