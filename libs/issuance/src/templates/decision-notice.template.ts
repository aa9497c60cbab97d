import { LANGUAGES } from '@onewindow/domain';
import { LABELS_V1 } from './labels';
import type { DocumentTemplate } from './template.types';

/** The decision notice (准予/不予许可决定书): the decision, each condition with its reason, or the reasons to refuse. */
export const decisionNoticeV1: DocumentTemplate = {
  kind: 'decision-notice',
  version: 1,
  title: { en: 'Decision notice', 'zh-CN': '行政许可决定书' },
  preamble: {
    en: 'Having examined the application of {applicant} for "{title}", the authority has decided: {outcome}.',
    'zh-CN': '经审查{applicant}提交的“{title}”申请，本机关作出如下决定：{outcome}。',
  },
  sections: ['particulars', 'decision', 'conditions', 'refusal-reasons', 'informatives', 'rights', 'verification'],
  labels: {
    ...LABELS_V1,
    rights: {
      en: 'If you disagree with this decision you may appeal within the period the law allows; the status page of your request shows how.',
      'zh-CN': '如不服本决定，可在法定期限内依法申请行政复议或者提起行政诉讼。',
    },
  },
  languages: LANGUAGES,
};
