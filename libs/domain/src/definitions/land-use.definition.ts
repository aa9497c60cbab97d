import type { ProcessDefinition } from '../definition/process-definition.types';
import { landUseDepartments, landUseOutcomes } from './built-in-labels';

/**
 * Land-use / planning approval, modelled on England's planning application process: validation with an
 * itemised list of what is missing, a 21-day consultation and public notice, assessment, committee for
 * major development, and determination within 8 weeks (13 for major development, 16 where an environmental
 * impact assessment is required) from the valid application, extendable by written agreement; refusals
 * may be appealed to the Planning Inspectorate within 6 months. England has no stop-the-clock, so requests
 * for information do not pause the statutory period: an agreed extension is the remedy.
 *
 * Consultees (keys of the consultee directory): the highway authority, and the Environment Agency for major
 * development.
 *
 * Attributes read: development ('minor' | 'major'), eiaRequired (boolean); siteAddress is published on the register.
 */
export const landUseDefinition: ProcessDefinition = {
  key: 'land-use',
  version: 1,
  title: { en: 'Land-use / planning approval', 'zh-CN': '建设用地规划许可' },
  requestType: 'land-use',
  jurisdiction: 'gb-eng',
  outcomeLabels: landUseOutcomes,
  departments: landUseDepartments,
  start: 'validation',
  extensionByAgreement: true,
  attributesSchema: {
    type: 'object',
    properties: {
      development: {
        type: 'string',
        title: { en: 'Category of development', 'zh-CN': '建设项目类别' },
        description: {
          en: 'Major development: 10 or more dwellings or 1 000 m² or more of floor space.',
          'zh-CN': '重大建设项目：住宅 10 套及以上，或建筑面积 1000 平方米及以上。',
        },
        enum: ['minor', 'major'],
      },
      eiaRequired: {
        type: 'boolean',
        title: { en: 'Environmental impact assessment required', 'zh-CN': '需要开展环境影响评价' },
        default: false,
      },
      siteAddress: {
        type: 'string',
        title: { en: 'Site address', 'zh-CN': '项目地址' },
        maxLength: 300,
      },
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
  // On the public register once valid (England publishes valid applications for consultation); the public
  // comments there during the consultation period.
  publication: {
    from: { step: 'validation', outcomes: ['valid'] },
    attributes: ['development', 'siteAddress'],
    comments: { during: 'consultation' },
  },
  appeal: { step: 'appeal', window: { value: 182, unit: 'calendarDays' } },
  // The acknowledgement of the application, the one list of what validation still needs, an extension of the
  // determination period, and the decision notice (the permission with its conditions, or the refusal with its
  // reasons), again when an appeal overturns a refusal. The permission is the decision notice: no separate permit.
  notices: [
    { kind: 'receipt', on: 'submitted' },
    { kind: 'information-notice', on: 'information-requested' },
    { kind: 'extension-notice', on: 'extension-granted' },
    { kind: 'decision-notice', step: 'determination', outcomes: ['approved', 'refused'] },
    { kind: 'decision-notice', step: 'appeal', outcomes: ['allowed'] },
  ],
  steps: [
    {
      id: 'validation',
      kind: 'task',
      title: { en: 'Validation of the application', 'zh-CN': '申请受理核验' },
      owner: { department: 'planning', role: 'clerk' },
      duration: { value: 10, unit: 'workingDays' },
      informationRequests: { clock: 'restart', exhaustive: true },
      next: { valid: 'consultation' },
    },
    {
      id: 'consultation',
      kind: 'period',
      title: { en: 'Consultation and public notice (21 days)', 'zh-CN': '征求意见及批前公示（21 日）' },
      owner: { department: 'planning', role: 'clerk' },
      duration: { value: 21, unit: 'calendarDays' },
      // Statutory consultees (England's DMPO Schedule 4): the highway authority on every application, the
      // Environment Agency on major development; each has the 21 days to respond.
      consultees: [
        { organisation: 'highway-authority' },
        { organisation: 'environment-agency', when: { attr: 'development', op: '==', value: 'major' } },
      ],
      next: { elapsed: 'assessment' },
    },
    {
      id: 'assessment',
      kind: 'task',
      title: { en: "Case officer's assessment and recommendation", 'zh-CN': '承办人审查并提出意见' },
      owner: { department: 'planning', role: 'clerk' },
      informationRequests: { clock: 'pause' },
      next: { 'recommend-approval': 'committee', 'recommend-refusal': 'committee' },
    },
    {
      id: 'committee',
      kind: 'task',
      title: { en: 'Planning committee', 'zh-CN': '规划委员会审议' },
      owner: { department: 'planning-committee', role: 'supervisor' },
      when: { attr: 'development', op: '==', value: 'major' },
      next: { resolved: 'determination', skipped: 'determination' },
    },
    {
      id: 'determination',
      kind: 'task',
      title: { en: 'Determination of the application', 'zh-CN': '作出审批决定' },
      owner: { department: 'planning', role: 'supervisor' },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
    {
      id: 'appeal',
      kind: 'task',
      title: { en: 'Appeal to the Planning Inspectorate', 'zh-CN': '申请上级规划主管部门复核' },
      owner: { department: 'planning-inspectorate', role: 'clerk' },
      next: { allowed: { status: 'approved' }, dismissed: { status: 'refused' } },
    },
  ],
};
