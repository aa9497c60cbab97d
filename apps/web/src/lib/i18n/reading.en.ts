/** English strings for dates, deadlines and requests for information (spread into en.ts). */
export const readingEn = {
  dates: {
    byEndOf: 'by end of {{day}} ({{zone}})',
    by: 'by {{moment}}',
  },
  timeline: {
    staff: '{{role}}, {{department}} ({{id}})',
    person: '{{role}} ({{id}})',
  },
  informationRequest: {
    title: 'Information requested',
    answerBy: 'Answer',
    reason: 'Why',
    items: 'What to provide',
  },
};
