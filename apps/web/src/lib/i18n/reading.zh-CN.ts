/** 日期、期限与补正通知的中文文案（并入 zh-CN.ts）。 */
export const readingZhCN = {
  dates: {
    byEndOf: '{{day}}当日结束前（{{zone}}）',
    by: '{{moment}}前',
  },
  timeline: {
    staff: '{{department}}{{role}}（{{id}}）',
    person: '{{role}}（{{id}}）',
  },
  informationRequest: {
    title: '补正材料通知',
    answerBy: '补正期限',
    reason: '补正理由',
    items: '需补正的材料',
  },
};
