/** 日期、期限与补正通知的中文文案（并入 zh-CN.ts）。 */
export const readingZhCN = {
  dates: {
    byEndOf: '{{day}}当日结束前（{{zone}}）',
    by: '{{moment}}前',
  },
  applicantActions: {
    waiting: '需要您办理的事项',
    nothingWaiting: '目前无需您办理，申请正在审批部门办理中。',
    optional: '您还可以',
    pledgeHint: '可选。符合告知承诺制条件的，您签署承诺书后可先予许可、事后核查。',
    pledgeOpen: '签署承诺书…',
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
