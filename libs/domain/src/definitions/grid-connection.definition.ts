import type { ProcessDefinition } from '../definition/process-definition.types';

/**
 * High-voltage grid connection for an industrial load, modelled on the time limits Chinese grid utilities
 * publish for high-voltage customers: supply-plan reply within 15 working days (30 for a dual-source supply),
 * design review 10, mid-construction check 5, completion check 5, metering and energisation 5. Time the
 * customer spends on its own design and construction is excluded from the utility's clock.
 *
 * Attributes read: supplySource ('single' | 'dual'), loadKw (number; above 10 000 kW adds a protection review).
 */
export const gridConnectionDefinition: ProcessDefinition = {
  key: 'grid-connection',
  version: 1,
  title: 'High-voltage grid connection',
  requestType: 'infrastructure',
  jurisdiction: 'cn',
  start: 'supply-plan',
  attributesSchema: {
    type: 'object',
    properties: {
      loadKw: {
        type: 'number',
        title: 'Connected load (kW)',
        description: 'Above 10 000 kW a protection review joins the design review.',
        exclusiveMinimum: 0,
        maximum: 10_000_000,
      },
      supplySource: { type: 'string', title: 'Supply', enum: ['single', 'dual'], default: 'single' },
    },
    required: ['loadKw'],
    additionalProperties: false,
  },
  caseClock: {
    duration: { value: 40, unit: 'workingDays' },
    durationRules: [
      { when: { attr: 'supplySource', op: '==', value: 'dual' }, duration: { value: 55, unit: 'workingDays' } },
    ],
    pauseOnApplicant: true,
  },
  steps: [
    {
      id: 'supply-plan',
      kind: 'task',
      title: 'Supply plan reply',
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 15, unit: 'workingDays' },
      durationRules: [
        { when: { attr: 'supplySource', op: '==', value: 'dual' }, duration: { value: 30, unit: 'workingDays' } },
      ],
      informationRequests: { clock: 'pause' },
      next: { issued: 'customer-design', declined: { status: 'refused' } },
    },
    {
      id: 'customer-design',
      kind: 'applicant',
      title: "Customer's own design work",
      owner: { department: 'customer', role: 'applicant' },
      clock: 'excluded',
      next: { submitted: 'design-review' },
    },
    {
      id: 'design-review',
      kind: 'parallel',
      title: 'Design review',
      owner: { department: 'grid-utility', role: 'supervisor' },
      duration: { value: 10, unit: 'workingDays' },
      mode: 'all',
      memberOutcomes: ['corrections', 'approved'],
      passOutcome: 'approved',
      members: [
        {
          id: 'electrical-design-review',
          title: 'Electrical design review',
          owner: { department: 'grid-utility', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'protection-review',
          title: 'Relay protection and dispatch review',
          owner: { department: 'grid-dispatch', role: 'clerk' },
          when: { attr: 'loadKw', op: '>', value: 10000 },
        },
      ],
      next: { approved: 'construction', corrections: 'customer-design' },
    },
    {
      id: 'construction',
      kind: 'applicant',
      title: "Customer's construction up to the mid-construction check",
      owner: { department: 'customer', role: 'applicant' },
      clock: 'excluded',
      next: { 'ready-for-check': 'mid-construction-check' },
    },
    {
      id: 'mid-construction-check',
      kind: 'inspection',
      title: 'Mid-construction (concealed works) check',
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 5, unit: 'workingDays' },
      next: { passed: 'construction-completion', failed: 'construction' },
    },
    {
      id: 'construction-completion',
      kind: 'applicant',
      title: 'Customer completes construction',
      owner: { department: 'customer', role: 'applicant' },
      clock: 'excluded',
      next: { completed: 'completion-check' },
    },
    {
      id: 'completion-check',
      kind: 'inspection',
      title: 'Completion check',
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 5, unit: 'workingDays' },
      next: { passed: 'metering-energisation', failed: 'construction-completion' },
    },
    {
      id: 'metering-energisation',
      kind: 'task',
      title: 'Metering installation and energisation',
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 5, unit: 'workingDays' },
      next: { energised: { status: 'approved' } },
    },
  ],
};
