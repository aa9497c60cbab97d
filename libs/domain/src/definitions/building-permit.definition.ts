import type { ProcessDefinition } from '../definition/process-definition.types';

/**
 * Construction / building permit, modelled on California practice: a completeness check that is deemed
 * complete after 30 days (Permit Streamlining Act, Gov. Code §65943) with one exhaustive list of missing
 * items, a joint plan review by building, fire and environment (plus transport for large buildings), a
 * corrections loop, a supervisor's decision with conditions, the fee, issuance and an optional inspection.
 *
 * Attributes read: floorAreaM2 (number), inspectionRequired (boolean).
 */
export const buildingPermitDefinition: ProcessDefinition = {
  key: 'building-permit',
  version: 1,
  title: 'Construction / building permit',
  requestType: 'permit',
  jurisdiction: 'us-ca',
  start: 'intake',
  extensionByAgreement: true,
  appeal: { step: 'appeal-review', window: { value: 30, unit: 'calendarDays' } },
  attributesSchema: {
    type: 'object',
    properties: {
      floorAreaM2: {
        type: 'number',
        title: 'Gross floor area (m²)',
        description: 'From 20 000 m² the traffic and access review joins the plan review.',
        exclusiveMinimum: 0,
        maximum: 10_000_000,
      },
      inspectionRequired: { type: 'boolean', title: 'Site inspection required', default: false },
    },
    required: ['floorAreaM2'],
    additionalProperties: false,
  },
  documents: [
    { key: 'site-plan', title: 'Site plan' },
    { key: 'architectural-plans', title: 'Architectural plans' },
    { key: 'structural-calculations', title: 'Structural calculations' },
    { key: 'fire-strategy', title: 'Fire strategy report' },
    { key: 'environmental-report', title: 'Environmental report' },
  ],
  // The decision notice (approval with its conditions, or refusal with its reasons) and the permit itself,
  // valid for three years: works not started by then need a new permit.
  notices: [
    { kind: 'decision-notice', step: 'decision', outcomes: ['approved', 'approved-on-pledge', 'refused'] },
    { kind: 'permit', step: 'issuance', outcomes: ['issued'], validFor: { value: 1095, unit: 'calendarDays' } },
    { kind: 'decision-notice', step: 'appeal-review', outcomes: ['allowed'] },
  ],
  steps: [
    {
      id: 'intake',
      kind: 'task',
      title: 'Intake and completeness check',
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 30, unit: 'calendarDays' },
      onTimeout: { action: 'deemed', outcome: 'complete', effect: 'complete' },
      informationRequests: { clock: 'restart', exhaustive: true },
      missingDocuments: { outcome: 'complete', deadline: { value: 20, unit: 'workingDays' } },
      next: { complete: 'plan-review' },
    },
    {
      id: 'plan-review',
      kind: 'parallel',
      title: 'Joint plan review',
      owner: { department: 'building', role: 'supervisor' },
      duration: { value: 20, unit: 'workingDays' },
      mode: 'all',
      memberOutcomes: ['refused', 'corrections', 'approved'],
      passOutcome: 'approved',
      members: [
        {
          id: 'building-review',
          title: 'Structural and building code review',
          owner: { department: 'building', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'fire-review',
          title: 'Fire safety review',
          owner: { department: 'fire', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'environment-review',
          title: 'Environmental review',
          owner: { department: 'environment', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'transport-review',
          title: 'Traffic and access review',
          owner: { department: 'transport', role: 'clerk' },
          when: { attr: 'floorAreaM2', op: '>=', value: 20000 },
          informationRequests: { clock: 'pause' },
        },
      ],
      next: { approved: 'decision', corrections: 'corrections', refused: 'decision' },
    },
    {
      id: 'corrections',
      kind: 'applicant',
      title: 'Applicant corrects and resubmits the plans',
      owner: { department: 'applicant', role: 'applicant' },
      duration: { value: 180, unit: 'calendarDays' },
      onTimeout: { action: 'lapse' },
      // The applicant's own time does not count against the authority.
      clock: 'excluded',
      next: { resubmitted: 'plan-review' },
    },
    {
      id: 'decision',
      kind: 'task',
      title: 'Permit decision',
      owner: { department: 'building', role: 'supervisor' },
      duration: { value: 10, unit: 'workingDays' },
      onTimeout: { action: 'deemed', outcome: 'approved', effect: 'approved', requiresNotice: true },
      pledgeOutcomes: ['approved-on-pledge'],
      next: {
        approved: 'fee',
        'approved-on-pledge': ['fee', 'pledge-verification'],
        refused: { status: 'refused' },
      },
    },
    {
      id: 'fee',
      kind: 'payment',
      title: 'Permit fee',
      owner: { department: 'finance', role: 'clerk' },
      duration: { value: 30, unit: 'calendarDays' },
      onTimeout: { action: 'lapse' },
      next: { paid: 'issuance' },
    },
    {
      id: 'issuance',
      kind: 'task',
      title: 'Permit issuance',
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 3, unit: 'workingDays' },
      next: { issued: { status: 'approved', then: ['inspection'] } },
    },
    {
      id: 'inspection',
      kind: 'inspection',
      title: 'Site inspection and completion acceptance',
      owner: { department: 'building', role: 'clerk' },
      when: { attr: 'inspectionRequired', op: '==', value: true },
      next: { passed: { status: 'approved' }, failed: 'inspection-rework', skipped: { status: 'approved' } },
    },
    {
      id: 'inspection-rework',
      kind: 'applicant',
      title: 'Applicant remedies inspection findings',
      owner: { department: 'applicant', role: 'applicant' },
      next: { remedied: 'inspection' },
    },
    {
      id: 'pledge-verification',
      kind: 'task',
      title: 'Post-approval verification of the pledge',
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 20, unit: 'workingDays' },
      next: { verified: { end: true }, failed: { status: 'revoked' } },
    },
    {
      id: 'appeal-review',
      kind: 'task',
      title: 'Appeal to the board of appeals',
      owner: { department: 'appeals-board', role: 'clerk' },
      duration: { value: 60, unit: 'calendarDays' },
      next: { allowed: { status: 'approved' }, dismissed: { status: 'refused' } },
    },
  ],
};
