import { LANGUAGES } from '@onewindow/domain';
import { LABELS_V1 } from './labels';
import type { DocumentTemplate } from './template.types';

/** The permit itself (许可证): what is permitted, to whom, on which conditions, until when. */
export const permitV1: DocumentTemplate = {
  kind: 'permit',
  version: 1,
  title: { en: 'Building permit', 'zh-CN': '建筑工程施工许可证' },
  preamble: {
    en: '{applicant} is permitted to carry out "{title}" as applied for, subject to the conditions below.',
    'zh-CN': '准予{applicant}按申请实施“{title}”，并遵守下列附加条件。',
  },
  sections: ['particulars', 'conditions', 'informatives', 'verification'],
  labels: LABELS_V1,
  languages: LANGUAGES,
};
