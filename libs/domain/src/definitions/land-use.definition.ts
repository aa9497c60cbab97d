import type { ProcessDefinition } from '../definition/process-definition.types';

/**
 * Land-use / planning approval, modelled on England's planning application process: validation with an
 * itemised list of what is missing, a 21-day consultation and public notice, assessment, committee for
 * major development, and determination within 8 weeks (13 for major development, 16 where an environmental
 * impact assessment is required) from the valid application, extendable by written agreement; refusals
 * may be appealed to the Planning Inspectorate within 6 months. England has no stop-the-clock, so requests
 * for information do not pause the statutory period: an agreed extension is the remedy.
 *
 * Attributes read: development ('minor' | 'major'), eiaRequired (boolean).
 */
export const landUseDefinition: ProcessDefinition = {
  key: 'land-use',
  version: 1,
  title: 'Land-use / planning approval',
  requestType: 'land-use',
  jurisdiction: 'gb-eng',
  start: 'validation',
  extensionByAgreement: true,
  attributesSchema: {
    type: 'object',
    properties: {
      development: {
        type: 'string',
        title: 'Category of development',
        description: 'Major development: 10 or more dwellings or 1 000 m² or more of floor space.',
        enum: ['minor', 'major'],
      },
      eiaRequired: { type: 'boolean', title: 'Environmental impact assessment required', default: false },
    },
    required: ['development'],
    additionalProperties: false,
  },
  caseClock: {
    duration: { value: 56, unit: 'calendarDays' },
    durationRules: [
      { when: { attr: 'eiaRequired', op: '==', value: true }, duration: { value: 112, unit: 'calendarDays' } },
      { when: { attr: 'development', op: '==', value: 'major' }, duration: { value: 91, unit: 'calendarDays' } },
    ],
    startsAfter: 'validation',
    pauseOnApplicant: false,
  },
  appeal: { step: 'appeal', window: { value: 182, unit: 'calendarDays' } },
  steps: [
    {
      id: 'validation',
      kind: 'task',
      title: 'Validation of the application',
      owner: { department: 'planning', role: 'clerk' },
      duration: { value: 10, unit: 'workingDays' },
      informationRequests: { clock: 'restart', exhaustive: true },
      next: { valid: 'consultation' },
    },
    {
      id: 'consultation',
      kind: 'period',
      title: 'Consultation and public notice (21 days)',
      owner: { department: 'planning', role: 'clerk' },
      duration: { value: 21, unit: 'calendarDays' },
      next: { elapsed: 'assessment' },
    },
    {
      id: 'assessment',
      kind: 'task',
      title: "Case officer's assessment and recommendation",
      owner: { department: 'planning', role: 'clerk' },
      informationRequests: { clock: 'pause' },
      next: { 'recommend-approval': 'committee', 'recommend-refusal': 'committee' },
    },
    {
      id: 'committee',
      kind: 'task',
      title: 'Planning committee',
      owner: { department: 'planning-committee', role: 'supervisor' },
      when: { attr: 'development', op: '==', value: 'major' },
      next: { resolved: 'determination', skipped: 'determination' },
    },
    {
      id: 'determination',
      kind: 'task',
      title: 'Determination of the application',
      owner: { department: 'planning', role: 'supervisor' },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
    {
      id: 'appeal',
      kind: 'task',
      title: 'Appeal to the Planning Inspectorate',
      owner: { department: 'planning-inspectorate', role: 'clerk' },
      next: { allowed: { status: 'approved' }, dismissed: { status: 'refused' } },
    },
  ],
};
