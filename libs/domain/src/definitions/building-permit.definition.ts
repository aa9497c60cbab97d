import type { ProcessDefinition } from '../definition/process-definition.types';
import { buildingPermitConditions, buildingPermitDepartments, buildingPermitOutcomes } from './built-in-labels';

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
  title: { en: 'Construction / building permit', 'zh-CN': '建筑工程施工许可' },
  requestType: 'permit',
  jurisdiction: 'us-ca',
  outcomeLabels: buildingPermitOutcomes,
  departments: buildingPermitDepartments,
  standardConditions: buildingPermitConditions,
  start: 'intake',
  extensionByAgreement: true,
  appeal: { step: 'appeal-review', window: { value: 30, unit: 'calendarDays' } },
  attributesSchema: {
    type: 'object',
    properties: {
      floorAreaM2: {
        type: 'number',
        title: { en: 'Gross floor area (m²)', 'zh-CN': '总建筑面积（平方米）' },
        description: {
          en: 'From 20 000 m² the traffic and access review joins the plan review.',
          'zh-CN': '总建筑面积达到 20000 平方米的，联合审查增加交通影响评价审查。',
        },
        exclusiveMinimum: 0,
        maximum: 10_000_000,
      },
      inspectionRequired: {
        type: 'boolean',
        title: { en: 'Site inspection required', 'zh-CN': '需要现场核查' },
        default: false,
      },
    },
    required: ['floorAreaM2'],
    additionalProperties: false,
  },
  documents: [
    { key: 'site-plan', title: { en: 'Site plan', 'zh-CN': '总平面图' } },
    { key: 'architectural-plans', title: { en: 'Architectural plans', 'zh-CN': '建筑施工图' } },
    { key: 'structural-calculations', title: { en: 'Structural calculations', 'zh-CN': '结构计算书' } },
    { key: 'fire-strategy', title: { en: 'Fire strategy report', 'zh-CN': '消防设计说明书' } },
    { key: 'environmental-report', title: { en: 'Environmental report', 'zh-CN': '环境影响评价文件' } },
  ],
  // The decision notice (approval with its conditions, or refusal with its reasons) and the permit itself,
  // valid for three years: works not started by then need a new permit.
  notices: [
    { kind: 'receipt', on: 'submitted' },
    { kind: 'information-notice', on: 'information-requested' },
    { kind: 'information-notice', on: 'accepted-with-missing' },
    { kind: 'extension-notice', on: 'extension-granted' },
    { kind: 'decision-notice', step: 'decision', outcomes: ['approved', 'approved-on-pledge', 'refused'] },
    { kind: 'permit', step: 'issuance', outcomes: ['issued'], validFor: { value: 1095, unit: 'calendarDays' } },
    { kind: 'decision-notice', step: 'appeal-review', outcomes: ['allowed'] },
  ],
  steps: [
    {
      id: 'intake',
      kind: 'task',
      title: { en: 'Intake and completeness check', 'zh-CN': '受理及材料审核' },
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 30, unit: 'calendarDays' },
      onTimeout: { action: 'deemed', outcome: 'complete', effect: 'complete' },
      // The applicant is given 30 days to answer the one list of what is missing; the answer restarts the check.
      informationRequests: { clock: 'restart', exhaustive: true, answerWithin: { value: 30, unit: 'calendarDays' } },
      missingDocuments: { outcome: 'complete', deadline: { value: 20, unit: 'workingDays' } },
      next: { complete: 'plan-review' },
    },
    {
      id: 'plan-review',
      kind: 'parallel',
      title: { en: 'Joint plan review', 'zh-CN': '多部门联合审查' },
      owner: { department: 'building', role: 'supervisor' },
      duration: { value: 20, unit: 'workingDays' },
      mode: 'all',
      memberOutcomes: ['refused', 'corrections', 'approved'],
      passOutcome: 'approved',
      members: [
        {
          id: 'building-review',
          title: { en: 'Structural and building code review', 'zh-CN': '建筑结构及规范审查' },
          owner: { department: 'building', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'fire-review',
          title: { en: 'Fire safety review', 'zh-CN': '消防设计审查' },
          owner: { department: 'fire', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'environment-review',
          title: { en: 'Environmental review', 'zh-CN': '环境影响审查' },
          owner: { department: 'environment', role: 'clerk' },
          informationRequests: { clock: 'pause' },
        },
        {
          id: 'transport-review',
          title: { en: 'Traffic and access review', 'zh-CN': '交通影响评价审查' },
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
      title: { en: 'Applicant corrects and resubmits the plans', 'zh-CN': '申请人补正材料' },
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
      title: { en: 'Permit decision', 'zh-CN': '作出许可决定' },
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
      title: { en: 'Permit fee', 'zh-CN': '缴纳费用' },
      owner: { department: 'finance', role: 'clerk' },
      duration: { value: 30, unit: 'calendarDays' },
      onTimeout: { action: 'lapse' },
      next: { paid: 'issuance' },
    },
    {
      id: 'issuance',
      kind: 'task',
      title: { en: 'Permit issuance', 'zh-CN': '制发许可证' },
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 3, unit: 'workingDays' },
      next: { issued: { status: 'approved', then: ['inspection'] } },
    },
    {
      id: 'inspection',
      kind: 'inspection',
      title: { en: 'Site inspection and completion acceptance', 'zh-CN': '现场核查及竣工验收' },
      owner: { department: 'building', role: 'clerk' },
      when: { attr: 'inspectionRequired', op: '==', value: true },
      next: { passed: { status: 'approved' }, failed: 'inspection-rework', skipped: { status: 'approved' } },
    },
    {
      id: 'inspection-rework',
      kind: 'applicant',
      title: { en: 'Applicant remedies inspection findings', 'zh-CN': '申请人按核查意见整改' },
      owner: { department: 'applicant', role: 'applicant' },
      next: { remedied: 'inspection' },
    },
    {
      id: 'pledge-verification',
      kind: 'task',
      title: { en: 'Post-approval verification of the pledge', 'zh-CN': '告知承诺事后核查' },
      owner: { department: 'building', role: 'clerk' },
      duration: { value: 20, unit: 'workingDays' },
      next: { verified: { end: true }, failed: { status: 'revoked' } },
    },
    {
      id: 'appeal-review',
      kind: 'task',
      title: { en: 'Appeal to the board of appeals', 'zh-CN': '行政复议' },
      owner: { department: 'appeals-board', role: 'clerk' },
      duration: { value: 60, unit: 'calendarDays' },
      next: { allowed: { status: 'approved' }, dismissed: { status: 'refused' } },
    },
  ],
};
