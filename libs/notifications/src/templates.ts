import { textIn, type LocalizedText } from '@onewindow/domain';
import { deadlineWords, eventWords, resultWords } from './words';
import type { Language, NotificationFacts, NotificationKind } from './notification.types';

export interface Rendered {
  subject: string;
  body: string;
}

/** The facts in the recipient's language: labels, and words (and a deadline read in the case's zone) for ids. */
type LocalFacts = Omit<NotificationFacts, 'stepTitle' | 'items'> & { stepTitle: string | null; items: string[] };
type Template = (f: LocalFacts) => Rendered;

const step = (f: LocalFacts) => f.stepTitle ?? f.stepId ?? '';
const items = (f: LocalFacts, sep: string) => (f.items.length > 0 ? f.items.join(sep) : '');

const EN: Record<NotificationKind, Template> = {
  'action-needed': (f) => ({
    subject: `Action needed: ${f.requestTitle}`,
    body:
      `Your request "${f.requestTitle}" needs your action at "${step(f)}" (${f.event}).` +
      (f.items.length ? `\nItems: ${items(f, ', ')}.` : '') +
      (f.dueAt ? `\nDue ${f.dueAt}.` : ''),
  }),
  decision: (f) => ({
    subject: `Decision on ${f.requestTitle}: ${f.outcome ?? f.status}`,
    body:
      `A decision was made on your request "${f.requestTitle}"` +
      (f.stepId ? ` at "${step(f)}"` : '') +
      `: ${f.outcome ?? f.status}. The request is now ${f.status}.`,
  }),
  deemed: (f) => ({
    subject: `Deemed outcome on ${f.requestTitle}`,
    body: `The time limit for "${step(f)}" on your request "${f.requestTitle}" ran out: it is deemed ${f.outcome ?? f.status}.`,
  }),
  'due-soon': (f) => ({
    subject: `Due soon: ${step(f)} (${f.requestTitle})`,
    body: `The step "${step(f)}" of request "${f.requestTitle}" is due ${f.dueAt ?? '-'}.`,
  }),
  breach: (f) => ({
    subject: `Overdue: ${step(f) || f.requestTitle}`,
    body: `The time limit of "${step(f) || 'the case'}" on request "${f.requestTitle}" has passed (due ${f.dueAt ?? '-'}); it is escalated.`,
  }),
  migrated: (f) => ({
    subject: `New rules for ${f.requestTitle}`,
    body:
      `Your request "${f.requestTitle}" now follows a new version of its procedure (${f.outcome ?? ''}).` +
      (f.dueAt ? ` The current step is due ${f.dueAt}.` : '') +
      ' Time already spent on it still counts.',
  }),
  'document-issued': (f) => ({
    subject: `Issued: ${EN_KINDS[f.document?.kind ?? ''] ?? f.document?.kind} ${f.document?.number ?? ''} (${f.requestTitle})`,
    body:
      `The ${EN_KINDS[f.document?.kind ?? ''] ?? 'document'} ${f.document?.number ?? ''} for your request "${f.requestTitle}" was issued, signed, in English and Chinese.` +
      ` Download it from the request's documents; anyone can check it at /verify/${f.document?.verificationCode ?? ''}.`,
  }),
  'document-changed': (f) => ({
    subject: `${capitalized(EN_KINDS[f.documentChange?.kind ?? ''] ?? 'document')} ${EN_STATUSES[f.documentChange?.status ?? ''] ?? f.documentChange?.status} (${f.requestTitle})`,
    body:
      `The ${EN_KINDS[f.documentChange?.kind ?? ''] ?? 'document'} issued for your request "${f.requestTitle}" is now ${EN_STATUSES[f.documentChange?.status ?? ''] ?? f.documentChange?.status}: ${f.documentChange?.reason ?? ''}.` +
      ' Its verification page says so to anyone who checks it.',
  }),
};

const EN_KINDS: Record<string, string> = {
  receipt: 'acknowledgement of receipt',
  'information-notice': 'correction notice',
  'extension-notice': 'extension notice',
  'decision-notice': 'decision notice',
  permit: 'permit',
};

const ZH_KINDS: Record<string, string> = {
  receipt: '受理回执',
  'information-notice': '补正告知书',
  'extension-notice': '延期通知书',
  'decision-notice': '行政许可决定书',
  permit: '许可证',
};

const ZH: Record<NotificationKind, Template> = {
  'action-needed': (f) => ({
    subject: `需要您处理：${f.requestTitle}`,
    body:
      `您的申请“${f.requestTitle}”在“${step(f)}”环节需要您处理（${f.event}）。` +
      (f.items.length ? `\n所需材料：${items(f, '、')}。` : '') +
      (f.dueAt ? `\n办理期限：${f.dueAt}。` : ''),
  }),
  decision: (f) => ({
    subject: `审批决定：${f.requestTitle}（${f.outcome ?? f.status}）`,
    body:
      `您的申请“${f.requestTitle}”` +
      (f.stepId ? `在“${step(f)}”环节` : '') +
      `已作出决定：${f.outcome ?? f.status}。当前状态：${f.status}。`,
  }),
  deemed: (f) => ({
    subject: `视为结果：${f.requestTitle}`,
    body: `您的申请“${f.requestTitle}”的“${step(f)}”环节已超过时限，视为${f.outcome ?? f.status}。`,
  }),
  'due-soon': (f) => ({
    subject: `即将到期：${step(f)}（${f.requestTitle}）`,
    body: `申请“${f.requestTitle}”的“${step(f)}”环节须于${f.dueAt ?? '-'}办结。`,
  }),
  breach: (f) => ({
    subject: `已超期：${step(f) || f.requestTitle}`,
    body: `申请“${f.requestTitle}”的“${step(f) || '整体'}”已超过时限（期限：${f.dueAt ?? '-'}），已上报。`,
  }),
  migrated: (f) => ({
    subject: `办理规则变更：${f.requestTitle}`,
    body:
      `因法规调整，您的申请“${f.requestTitle}”改按新版办理流程继续办理（${f.outcome ?? ''}）。` +
      (f.dueAt ? `当前环节办理期限：${f.dueAt}。` : '') +
      '已经过的办理时间继续计算。',
  }),
  'document-issued': (f) => ({
    subject: `已签发：${ZH_KINDS[f.document?.kind ?? ''] ?? f.document?.kind}${f.document?.number ?? ''}（${f.requestTitle}）`,
    body:
      `您的申请“${f.requestTitle}”的${ZH_KINDS[f.document?.kind ?? ''] ?? '文书'}（编号 ${f.document?.number ?? ''}）已签发，附电子签章，中英文各一份。` +
      `请在申请的文书中下载；任何人均可在 /verify/${f.document?.verificationCode ?? ''} 核验。`,
  }),
  'document-changed': (f) => ({
    subject: `${ZH_KINDS[f.documentChange?.kind ?? ''] ?? '文书'}${ZH_STATUSES[f.documentChange?.status ?? ''] ?? f.documentChange?.status}（${f.requestTitle}）`,
    body:
      `您的申请“${f.requestTitle}”的${ZH_KINDS[f.documentChange?.kind ?? ''] ?? '文书'}${ZH_STATUSES[f.documentChange?.status ?? ''] ?? f.documentChange?.status}，理由：${f.documentChange?.reason ?? ''}。` +
      '任何人核验该文书时均可看到其当前状态。',
  }),
};

const TEMPLATES: Record<Language, Record<NotificationKind, Template>> = { en: EN, 'zh-CN': ZH };

/** What a notification reads of its case: the jurisdiction's zone and what its definition calls its outcomes. */
export interface CaseReading {
  timeZone?: string;
  outcomeLabels?: Record<string, LocalizedText>;
}

/**
 * The subject and text of a notification in the recipient's language: an outcome by the name its definition
 * gives it (general words for a definition that names none), its deadline in the case's zone.
 */
export function render(
  kind: NotificationKind,
  language: Language,
  facts: NotificationFacts,
  { timeZone = 'UTC', outcomeLabels = {} }: CaseReading = {},
): Rendered {
  const outcomeLabel = facts.outcome === null ? undefined : outcomeLabels[facts.outcome];
  return TEMPLATES[language][kind]({
    ...facts,
    event: eventWords(facts.event, language),
    outcome:
      facts.outcome === null
        ? null
        : outcomeLabel !== undefined
          ? textIn(outcomeLabel, language)
          : resultWords(facts.outcome, language),
    status: resultWords(facts.status, language),
    dueAt: facts.dueAt === null ? null : deadlineWords(facts.dueAt, timeZone, language),
    stepTitle: facts.stepTitle === null ? null : textIn(facts.stepTitle, language),
    items: facts.items.map((item) => textIn(item, language)),
  });
}

const EN_STATUSES: Record<string, string> = {
  revoked: 'revoked',
  suspended: 'suspended',
  valid: 'reinstated',
  varied: 'varied (a new version was issued)',
  expired: 'expired',
};

const ZH_STATUSES: Record<string, string> = {
  revoked: '已被撤销',
  suspended: '已被暂停',
  valid: '已恢复效力',
  varied: '已变更（已签发新版本）',
  expired: '已过期',
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
