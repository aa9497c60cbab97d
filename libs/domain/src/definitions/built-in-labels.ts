import type { StandardCondition } from '../definition/process-definition.types';
import type { LocalizedText } from '../text/localized-text';

/*
 * What the built-in processes call their outcomes and departments, and the conditions they offer. The Chinese
 * is written as a Chinese approval office would put it on a notice (准予许可, 不予许可, 予以受理), not translated
 * word for word.
 */

type Labels = Record<string, LocalizedText>;

/** A text in English and in Chinese, the languages the deployment serves. */
const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

type Names = Record<string, [en: string, zh: string]>;

/** Names by id, each given as its English and its Chinese. */
const labels = (names: Names): Labels =>
  Object.fromEntries(Object.entries(names).map(([id, [en, zh]]) => [id, text(en, zh)]));

/** Outcomes of an administrative appeal (复议), the same in every built-in process. */
const appealOutcomes: Names = {
  allowed: ['Appeal allowed', '支持复议请求'],
  dismissed: ['Appeal dismissed', '驳回复议申请'],
};

export const buildingPermitOutcomes: Labels = labels({
  complete: ['Complete', '材料齐全，予以受理'],
  corrections: ['Corrections needed', '需补正修改'],
  approved: ['Approved', '准予许可'],
  'approved-on-pledge': ['Approved on the applicant’s pledge', '告知承诺制准予许可'],
  refused: ['Refused', '不予许可'],
  resubmitted: ['Resubmitted', '已重新提交'],
  paid: ['Paid', '已缴费'],
  issued: ['Permit issued', '已核发许可证'],
  passed: ['Passed', '核查合格'],
  failed: ['Failed', '核查不合格'],
  skipped: ['Not needed', '无需核查'],
  remedied: ['Remedied', '已整改'],
  verified: ['Pledge verified', '承诺事项核查属实'],
  ...appealOutcomes,
});

export const buildingPermitDepartments: Labels = labels({
  building: ['Building control', '住房和城乡建设部门'],
  fire: ['Fire safety', '消防救援机构'],
  environment: ['Environment', '生态环境部门'],
  transport: ['Transport', '交通运输部门'],
  finance: ['Fees and payments', '收费窗口'],
  applicant: ['Applicant', '申请人'],
  'appeals-board': ['Board of appeals', '行政复议机关'],
});

/** The conditions a building permit's decision commonly carries, as a Chinese permit would word them. */
export const buildingPermitConditions: StandardCondition[] = [
  {
    key: 'sprinklers',
    text: text('Sprinklers installed and tested before occupation', '投入使用前完成自动喷水灭火系统安装并经检测合格'),
    reason: text(
      'The fire load of what is stored needs automatic suppression',
      '储存物品火灾荷载较大，应当设置自动灭火设施',
    ),
    policy: 'IFC 903.2',
  },
  {
    key: 'working-hours',
    text: text('Construction work only from 7:00 to 19:00 on working days', '施工作业时间限于工作日7时至19时'),
    reason: text('Neighbours are protected from construction noise', '防止施工噪声扰民'),
    policy: 'GB 12523-2011',
  },
  {
    key: 'final-inspection',
    text: text('No occupation before the final inspection is passed', '竣工验收合格后方可交付使用'),
    reason: text('The building must be shown to match the approved plans', '须核实建筑与审查合格的施工图设计文件一致'),
  },
];

export const landUseOutcomes: Labels = labels({
  valid: ['Valid', '申请有效，予以受理'],
  elapsed: ['Consultation period ended', '公示期届满'],
  'recommend-approval': ['Recommend approval', '建议批准'],
  'recommend-refusal': ['Recommend refusal', '建议不予批准'],
  resolved: ['Resolved', '已作出决议'],
  skipped: ['Not needed', '无需审议'],
  approved: ['Approved', '予以批准'],
  refused: ['Refused', '不予批准'],
  ...appealOutcomes,
});

export const landUseDepartments: Labels = labels({
  planning: ['Planning', '自然资源和规划部门'],
  'planning-committee': ['Planning committee', '规划委员会'],
  'planning-inspectorate': ['Planning Inspectorate', '规划督察机构'],
});

export const gridConnectionOutcomes: Labels = labels({
  issued: ['Supply plan issued', '已答复供电方案'],
  declined: ['Declined', '不予供电'],
  submitted: ['Submitted', '已提交'],
  approved: ['Approved', '审查通过'],
  corrections: ['Corrections needed', '需修改设计'],
  'ready-for-check': ['Ready for the check', '具备检查条件'],
  passed: ['Passed', '检验合格'],
  failed: ['Failed', '检验不合格'],
  completed: ['Completed', '已竣工'],
  energised: ['Energised', '已装表接电'],
});

export const gridConnectionDepartments: Labels = labels({
  'grid-utility': ['Grid utility', '供电企业'],
  'grid-dispatch': ['Grid dispatch', '电力调度机构'],
  customer: ['Customer', '用电客户'],
});
