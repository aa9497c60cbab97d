/** English strings for dates, deadlines and requests for information (spread into en.ts). */
export const readingEn = {
  dates: {
    byEndOf: 'by end of {{day}} ({{zone}})',
    by: 'by {{moment}}',
  },
  applicantActions: {
    waiting: 'What your request waits for from you',
    nothingWaiting: 'Nothing waits for you now: the request is with the office.',
    optional: 'You may also',
    pledgeHint:
      'Optional. Where the rules allow it, your signed pledge lets the office approve now and check afterwards.',
    pledgeOpen: 'Sign a pledge…',
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
