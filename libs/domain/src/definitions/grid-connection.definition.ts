import type { ProcessDefinition } from '../definition/process-definition.types';
import { gridConnectionDepartments, gridConnectionOutcomes } from './built-in-labels';

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
  title: { en: 'High-voltage grid connection', 'zh-CN': '高压用电报装' },
  requestType: 'infrastructure',
  jurisdiction: 'cn',
  outcomeLabels: gridConnectionOutcomes,
  departments: gridConnectionDepartments,
  start: 'supply-plan',
  attributesSchema: {
    type: 'object',
    properties: {
      loadKw: {
        type: 'number',
        title: { en: 'Connected load (kW)', 'zh-CN': '用电容量（千瓦）' },
        description: {
          en: 'Above 10 000 kW a protection review joins the design review.',
          'zh-CN': '用电容量超过 10000 千瓦的，设计审核增加继电保护及调度审核。',
        },
        exclusiveMinimum: 0,
        maximum: 10_000_000,
      },
      supplySource: {
        type: 'string',
        title: { en: 'Supply', 'zh-CN': '供电方式' },
        enum: ['single', 'dual'],
        default: 'single',
      },
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
  // The receipt of the application, the list of what the supply plan still needs, an extension, and the
  // utility's decisions: the supply plan declined, or the connection energised at the end.
  notices: [
    { kind: 'receipt', on: 'submitted' },
    { kind: 'information-notice', on: 'information-requested' },
    { kind: 'extension-notice', on: 'extension-granted' },
    { kind: 'decision-notice', step: 'supply-plan', outcomes: ['declined'] },
    { kind: 'decision-notice', step: 'metering-energisation', outcomes: ['energised'] },
  ],
  steps: [
    {
      id: 'supply-plan',
      kind: 'task',
      title: { en: 'Supply plan reply', 'zh-CN': '答复供电方案' },
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
      title: { en: "Customer's own design work", 'zh-CN': '用户工程设计' },
      owner: { department: 'customer', role: 'applicant' },
      clock: 'excluded',
      next: { submitted: 'design-review' },
    },
    {
      id: 'design-review',
      kind: 'parallel',
      title: { en: 'Design review', 'zh-CN': '设计文件审核' },
      owner: { department: 'grid-utility', role: 'supervisor' },
      duration: { value: 10, unit: 'workingDays' },
      mode: 'all',
      memberOutcomes: ['corrections', 'approved'],
      passOutcome: 'approved',
      members: [
        {
          id: 'electrical-design-review',
          title: { en: 'Electrical design review', 'zh-CN': '电气设计审核' },
          owner: { department: 'grid-utility', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'protection-review',
          title: { en: 'Relay protection and dispatch review', 'zh-CN': '继电保护及调度审核' },
          owner: { department: 'grid-dispatch', role: 'clerk' },
          when: { attr: 'loadKw', op: '>', value: 10000 },
        },
      ],
      next: { approved: 'construction', corrections: 'customer-design' },
    },
    {
      id: 'construction',
      kind: 'applicant',
      title: { en: "Customer's construction up to the mid-construction check", 'zh-CN': '用户工程施工（至中间检查）' },
      owner: { department: 'customer', role: 'applicant' },
      clock: 'excluded',
      next: { 'ready-for-check': 'mid-construction-check' },
    },
    {
      id: 'mid-construction-check',
      kind: 'inspection',
      title: { en: 'Mid-construction (concealed works) check', 'zh-CN': '中间检查（隐蔽工程）' },
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 5, unit: 'workingDays' },
      next: { passed: 'construction-completion', failed: 'construction' },
    },
    {
      id: 'construction-completion',
      kind: 'applicant',
      title: { en: 'Customer completes construction', 'zh-CN': '用户工程竣工' },
      owner: { department: 'customer', role: 'applicant' },
      clock: 'excluded',
      next: { completed: 'completion-check' },
    },
    {
      id: 'completion-check',
      kind: 'inspection',
      title: { en: 'Completion check', 'zh-CN': '竣工检验' },
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 5, unit: 'workingDays' },
      next: { passed: 'metering-energisation', failed: 'construction-completion' },
    },
    {
      id: 'metering-energisation',
      kind: 'task',
      title: { en: 'Metering installation and energisation', 'zh-CN': '装表接电' },
      owner: { department: 'grid-utility', role: 'clerk' },
      duration: { value: 5, unit: 'workingDays' },
      next: { energised: { status: 'approved' } },
    },
  ],
};
