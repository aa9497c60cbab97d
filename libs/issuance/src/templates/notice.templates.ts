import { LANGUAGES } from '@onewindow/domain';
import { LABELS_V1 } from './labels';
import type { DocumentTemplate } from './template.types';

/** The acknowledgement of receipt (受理回执): the application was received and accepted for processing. */
export const receiptV1: DocumentTemplate = {
  kind: 'receipt',
  version: 1,
  title: { en: 'Acknowledgement of receipt', 'zh-CN': '受理回执' },
  preamble: {
    en: 'The authority has received the application of {applicant} for "{title}" and accepted it for processing. Please quote the number of this receipt in all correspondence.',
    'zh-CN': '{applicant}提交的“{title}”申请材料已收悉，本机关决定予以受理。请在后续办理中注明本回执编号。',
  },
  sections: ['particulars', 'verification'],
  labels: LABELS_V1,
  languages: LANGUAGES,
};

/** The one-time correction notice (补正告知书): every item to supply, listed at once, and by when. */
export const informationNoticeV1: DocumentTemplate = {
  kind: 'information-notice',
  version: 1,
  title: { en: 'Notice to supply information', 'zh-CN': '补正告知书' },
  preamble: {
    en: 'Having examined the application of {applicant} for "{title}", the authority needs the items below. This notice lists every item at once; please supply them all.',
    'zh-CN':
      '经审查，{applicant}提交的“{title}”申请材料不齐全或者不符合法定形式。现一次性告知需要补正的全部内容如下，请按要求补正。',
  },
  sections: ['particulars', 'items', 'verification'],
  labels: LABELS_V1,
  languages: LANGUAGES,
};

/** The extension notice (延期通知书): the period to decide was extended, to when and why. */
export const extensionNoticeV1: DocumentTemplate = {
  kind: 'extension-notice',
  version: 1,
  title: { en: 'Extension notice', 'zh-CN': '延期通知书' },
  preamble: {
    en: 'The period for dealing with the application of {applicant} for "{title}" has been extended as set out below.',
    'zh-CN': '{applicant}提交的“{title}”申请的办理期限依法予以延长，具体如下。',
  },
  sections: ['particulars', 'extension', 'verification'],
  labels: LABELS_V1,
  languages: LANGUAGES,
};
