import { deadlineParts, type Language } from '@onewindow/domain';

/*
 * The words a notification uses for what the records hold as ids: what happened, a decision's outcome, where
 * the case stands, and a deadline read in the jurisdiction's zone. An id with no word here is shown as it is.
 */

type Words = Record<Language, Record<string, string>>;

const EVENTS: Words = {
  en: {
    'information.requested': 'information was requested',
    'missing-documents.notified': 'documents are missing',
    'extension.proposed': 'an extension of time awaits your agreement',
    activated: 'a step of yours has started',
  },
  'zh-CN': {
    'information.requested': '需补正材料',
    'missing-documents.notified': '尚有材料缺失',
    'extension.proposed': '延长办理期限需经您同意',
    activated: '轮到您办理',
  },
};

/** Outcomes and statuses share their words: a case approved, a step decided as approved. */
const RESULTS: Words = {
  en: {
    approved: 'approved',
    'approved-on-pledge': 'approved on your pledge',
    refused: 'refused',
    complete: 'complete',
    corrections: 'corrections needed',
    issued: 'issued',
    paid: 'paid',
    passed: 'passed',
    failed: 'failed',
    withdrawn: 'withdrawn',
    lapsed: 'lapsed',
    revoked: 'revoked',
    in_progress: 'in progress',
    awaiting_applicant: 'awaiting your action',
    under_appeal: 'under appeal',
    allowed: 'appeal allowed',
    dismissed: 'appeal dismissed',
  },
  'zh-CN': {
    approved: '准予许可',
    'approved-on-pledge': '告知承诺制准予许可',
    refused: '不予许可',
    complete: '材料齐全，予以受理',
    corrections: '需补正修改',
    issued: '已核发',
    paid: '已缴费',
    passed: '合格',
    failed: '不合格',
    withdrawn: '已撤回',
    lapsed: '已失效',
    revoked: '已撤销',
    in_progress: '办理中',
    awaiting_applicant: '待您处理',
    under_appeal: '复议中',
    allowed: '支持复议请求',
    dismissed: '驳回复议申请',
  },
};

export function eventWords(event: string, language: Language): string {
  return EVENTS[language][event] ?? event;
}

export function resultWords(result: string, language: Language): string {
  return RESULTS[language][result] ?? result;
}

/** "by end of Wed 6 Jan 2027 (China Standard Time)" / "2027年1月6日（周三）当日结束前（中国标准时间）". */
export function deadlineWords(dueAt: string, timeZone: string, language: Language): string {
  const parts = deadlineParts({ dueAt }, timeZone, language);
  if (language === 'zh-CN') return 'day' in parts ? `${parts.day}当日结束前（${parts.zone}）` : `${parts.moment}前`;
  return 'day' in parts ? `by end of ${parts.day} (${parts.zone})` : `by ${parts.moment}`;
}
