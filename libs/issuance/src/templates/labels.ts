import type { LocalizedText } from '@onewindow/domain';
import type { TemplateLabel } from './template.types';

/** The labels every template of version 1 shares. */
export const LABELS_V1: Record<TemplateLabel, LocalizedText> = {
  number: { en: 'Number', 'zh-CN': '编号' },
  issuedAt: { en: 'Issued', 'zh-CN': '签发日期' },
  authority: { en: 'Issuing authority', 'zh-CN': '签发机关' },
  applicant: { en: 'Applicant', 'zh-CN': '申请人' },
  request: { en: 'Proposal', 'zh-CN': '申请事项' },
  process: { en: 'Procedure', 'zh-CN': '审批事项' },
  reference: { en: 'Case reference', 'zh-CN': '案件编号' },
  outcome: { en: 'Decision', 'zh-CN': '决定' },
  decidedAt: { en: 'Decided', 'zh-CN': '决定日期' },
  reason: { en: 'Grounds', 'zh-CN': '理由' },
  conditions: { en: 'Conditions', 'zh-CN': '附加条件' },
  conditionReason: { en: 'Reason', 'zh-CN': '理由' },
  policy: { en: 'Policy', 'zh-CN': '依据' },
  informatives: { en: 'Informatives', 'zh-CN': '告知事项' },
  refusalReasons: { en: 'Reasons for refusal', 'zh-CN': '不予许可的理由' },
  rights: { en: 'Your rights', 'zh-CN': '权利告知' },
  verification: { en: 'Verify this document', 'zh-CN': '核验本文书' },
  validUntil: { en: 'Valid until', 'zh-CN': '有效期至' },
  items: { en: 'Items to supply', 'zh-CN': '需要补正的材料' },
  deadline: { en: 'Supply them by', 'zh-CN': '补正期限' },
  noticeReason: { en: 'Remarks', 'zh-CN': '说明' },
  newDueDate: { en: 'New due date', 'zh-CN': '延长后的办理期限' },
  extensionReason: { en: 'Reason for the extension', 'zh-CN': '延期理由' },
  signed: {
    en: 'This document is signed electronically by the issuing authority.',
    'zh-CN': '本文书由签发机关加盖电子签章。',
  },
};

/** How the outcomes a decision can have read on paper. */
export const OUTCOME_WORDS: Record<string, LocalizedText> = {
  approved: { en: 'Granted', 'zh-CN': '准予许可' },
  'approved-on-pledge': { en: 'Granted on the applicant’s pledge', 'zh-CN': '告知承诺准予许可' },
  refused: { en: 'Refused', 'zh-CN': '不予许可' },
  allowed: { en: 'Granted on appeal', 'zh-CN': '复议后准予许可' },
  issued: { en: 'Granted', 'zh-CN': '准予许可' },
};
