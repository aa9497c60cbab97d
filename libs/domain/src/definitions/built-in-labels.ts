import type { StandardCondition } from '../definition/process-definition.types';
import type { LocalizedText } from '../text/localized-text';

/*
 * What the built-in processes call their outcomes and departments. The Chinese is written as a Chinese
 * approval office would put it on a notice (准予许可, 不予许可, 予以受理), not translated word for word.
 */

type Labels = Record<string, LocalizedText>;

/** Outcomes of an administrative appeal (复议), the same in every built-in process. */
const appealOutcomes: Labels = {
  allowed: { en: 'Appeal allowed', 'zh-CN': '支持复议请求' },
  dismissed: { en: 'Appeal dismissed', 'zh-CN': '驳回复议申请' },
};

export const buildingPermitOutcomes: Labels = {
  complete: { en: 'Complete', 'zh-CN': '材料齐全，予以受理' },
  corrections: { en: 'Corrections needed', 'zh-CN': '需补正修改' },
  approved: { en: 'Approved', 'zh-CN': '准予许可' },
  'approved-on-pledge': { en: 'Approved on the applicant’s pledge', 'zh-CN': '告知承诺制准予许可' },
  refused: { en: 'Refused', 'zh-CN': '不予许可' },
  resubmitted: { en: 'Resubmitted', 'zh-CN': '已重新提交' },
  paid: { en: 'Paid', 'zh-CN': '已缴费' },
  issued: { en: 'Permit issued', 'zh-CN': '已核发许可证' },
  passed: { en: 'Passed', 'zh-CN': '核查合格' },
  failed: { en: 'Failed', 'zh-CN': '核查不合格' },
  skipped: { en: 'Not needed', 'zh-CN': '无需核查' },
  remedied: { en: 'Remedied', 'zh-CN': '已整改' },
  verified: { en: 'Pledge verified', 'zh-CN': '承诺事项核查属实' },
  ...appealOutcomes,
};

export const buildingPermitDepartments: Labels = {
  building: { en: 'Building control', 'zh-CN': '住房和城乡建设部门' },
  fire: { en: 'Fire safety', 'zh-CN': '消防救援机构' },
  environment: { en: 'Environment', 'zh-CN': '生态环境部门' },
  transport: { en: 'Transport', 'zh-CN': '交通运输部门' },
  finance: { en: 'Fees and payments', 'zh-CN': '收费窗口' },
  applicant: { en: 'Applicant', 'zh-CN': '申请人' },
  'appeals-board': { en: 'Board of appeals', 'zh-CN': '行政复议机关' },
};

/** The conditions a building permit's decision commonly carries, as a Chinese permit would word them. */
export const buildingPermitConditions: StandardCondition[] = [
  {
    key: 'sprinklers',
    text: {
      en: 'Sprinklers installed and tested before occupation',
      'zh-CN': '投入使用前完成自动喷水灭火系统安装并经检测合格',
    },
    reason: {
      en: 'The fire load of what is stored needs automatic suppression',
      'zh-CN': '储存物品火灾荷载较大，应当设置自动灭火设施',
    },
    policy: 'IFC 903.2',
  },
  {
    key: 'working-hours',
    text: {
      en: 'Construction work only from 7:00 to 19:00 on working days',
      'zh-CN': '施工作业时间限于工作日7时至19时',
    },
    reason: { en: 'Neighbours are protected from construction noise', 'zh-CN': '防止施工噪声扰民' },
    policy: 'GB 12523-2011',
  },
  {
    key: 'final-inspection',
    text: { en: 'No occupation before the final inspection is passed', 'zh-CN': '竣工验收合格后方可交付使用' },
    reason: {
      en: 'The building must be shown to match the approved plans',
      'zh-CN': '须核实建筑与审查合格的施工图设计文件一致',
    },
  },
];

export const landUseOutcomes: Labels = {
  valid: { en: 'Valid', 'zh-CN': '申请有效，予以受理' },
  elapsed: { en: 'Consultation period ended', 'zh-CN': '公示期届满' },
  'recommend-approval': { en: 'Recommend approval', 'zh-CN': '建议批准' },
  'recommend-refusal': { en: 'Recommend refusal', 'zh-CN': '建议不予批准' },
  resolved: { en: 'Resolved', 'zh-CN': '已作出决议' },
  skipped: { en: 'Not needed', 'zh-CN': '无需审议' },
  approved: { en: 'Approved', 'zh-CN': '予以批准' },
  refused: { en: 'Refused', 'zh-CN': '不予批准' },
  ...appealOutcomes,
};

export const landUseDepartments: Labels = {
  planning: { en: 'Planning', 'zh-CN': '自然资源和规划部门' },
  'planning-committee': { en: 'Planning committee', 'zh-CN': '规划委员会' },
  'planning-inspectorate': { en: 'Planning Inspectorate', 'zh-CN': '规划督察机构' },
};

export const gridConnectionOutcomes: Labels = {
  issued: { en: 'Supply plan issued', 'zh-CN': '已答复供电方案' },
  declined: { en: 'Declined', 'zh-CN': '不予供电' },
  submitted: { en: 'Submitted', 'zh-CN': '已提交' },
  approved: { en: 'Approved', 'zh-CN': '审查通过' },
  corrections: { en: 'Corrections needed', 'zh-CN': '需修改设计' },
  'ready-for-check': { en: 'Ready for the check', 'zh-CN': '具备检查条件' },
  passed: { en: 'Passed', 'zh-CN': '检验合格' },
  failed: { en: 'Failed', 'zh-CN': '检验不合格' },
  completed: { en: 'Completed', 'zh-CN': '已竣工' },
  energised: { en: 'Energised', 'zh-CN': '已装表接电' },
};

export const gridConnectionDepartments: Labels = {
  'grid-utility': { en: 'Grid utility', 'zh-CN': '供电企业' },
  'grid-dispatch': { en: 'Grid dispatch', 'zh-CN': '电力调度机构' },
  customer: { en: 'Customer', 'zh-CN': '用电客户' },
};
