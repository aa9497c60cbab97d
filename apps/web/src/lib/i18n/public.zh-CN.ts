import type { publicEn } from './public.en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** 公开页面（申请公示登记簿及办理时效统计）的简体中文文字。 */
export const publicZhCN: Strings<typeof publicEn> = {
  register: {
    nav: '公示登记簿',
    title: '申请事项公示登记簿',
    intro: '依流程规定进入公示阶段的申请事项。不公开任何个人信息：不显示申请人及其联系方式。',
    search: '编号、地址或关键词',
    searchHint: '例如：人民路',
    status: '办理状态',
    anyStatus: '全部状态',
    from: '公示日期自',
    to: '公示日期至（不含）',
    find: '查询',
    empty: '登记簿中没有符合条件的申请事项。',
    total_one: '共 {{count}} 件申请',
    total_other: '共 {{count}} 件申请',
    application: '申请事项',
    notFound: '公示登记簿中没有该编号的申请事项。',
    summary: '申请概况',
    reference: '申请编号',
    process: '办理事项',
    address: '项目地址',
    decision: '审批结果',
    receivedAt: '受理时间',
    publishedAt: '公示时间',
    decidedAt: '办结时间',
    values: { minor: '一般建设项目', major: '重大建设项目', true: '是', false: '否' },
    proof: {
      title: '核验本公示件与案卷记录是否一致',
      intro:
        '本页为案卷记录经脱敏处理后的公示件。其 SHA-256 摘要值已写入该案卷的哈希链，并与所依据记录条目的哈希值相关联：对下方公示 JSON（UTF-8 编码，原样）计算摘要并比对即可核验。',
      sha256: '公示件 SHA-256 摘要',
      source: '所依据记录条目的哈希值',
      seq: '哈希链条目序号',
      json: '公示 JSON 原文',
    },
    performance: {
      title: '审批时效公示',
      intro:
        '按办理事项和季度，依据每件案卷的办理记录统计：受理件数、办结件数、办结所用工作日中位数，以及在法定期限内办结的比例。',
      process: '办理事项',
      quarter: '季度',
      received: '受理件数',
      decided: '办结件数',
      medianDays: '办结所用工作日（中位数）',
      withinPeriod: '法定期限内办结比例',
      empty: '暂无统计数据。',
    },
  },
};
