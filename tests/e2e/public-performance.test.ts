import type { ProcessDefinition } from '@onewindow/domain';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/**
 * A one-step process of its own key (other files' cases share the database), with a statutory period of 20 working
 * days, or of 2 seconds for a `late` case, so one case can be decided after its period without waiting weeks.
 */
const definition: ProcessDefinition = {
  key: 'register-performance',
  version: 1,
  title: { en: 'Performance test process', 'zh-CN': '时效统计测试事项' },
  requestType: 'permit',
  jurisdiction: 'gb-eng',
  start: 'review',
  attributesSchema: {
    type: 'object',
    properties: { late: { type: 'boolean', title: { en: 'Late', 'zh-CN': '逾期' }, default: false } },
    additionalProperties: false,
  },
  caseClock: {
    duration: { value: 20, unit: 'workingDays' },
    durationRules: [{ when: { attr: 'late', op: '==', value: true }, duration: { value: 2, unit: 'seconds' } }],
    pauseOnApplicant: false,
  },
  steps: [
    {
      id: 'review',
      kind: 'task',
      title: { en: 'Review', 'zh-CN': '审查' },
      owner: { department: 'planning', role: 'clerk' },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
};

interface Quarter {
  definitionKey: string;
  process: string;
  quarter: string;
  received: number;
  decided: number;
  medianWorkingDays: number | null;
  withinPeriodShare: number | null;
}

/** The quarter of today in London, the process's jurisdiction. */
function londonQuarter(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-');
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
}

describe('published performance', () => {
  let api: TestApi;
  let driver: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    const res = await driver.post('admin', '/definitions', { definition });
    if (![201, 409].includes(res.status)) throw new Error(JSON.stringify(res.body));
  });
  afterAll(() => api?.close());

  const submit = async (late: boolean): Promise<string> => {
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey: definition.key,
      title: 'Performance case',
      attributes: { late },
    });
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'review');
    return id;
  };
  const decide = async (id: string, outcome: string) =>
    expect((await driver.decide('clerk-planning', id, 'review', { outcome })).status).toBe(200);

  it('counts received and decided cases, the median working days and the share decided in time, as counted by hand', async () => {
    // Hand count: four received today; three decided today (0 working days each); of those, one after its period.
    const [onTime, refused, late] = [await submit(false), await submit(false), await submit(true)];
    await submit(false); // still open
    await decide(onTime, 'approved');
    await decide(refused, 'refused');
    await eventually(async () => {
      const d = await driver.detail(late);
      return d.timeline.some((t) => t.event === 'timer.case-overdue') ? d : undefined;
    }, 'the late case past its period');
    await decide(late, 'approved');

    const row = await eventually(async () => {
      const res = await api.http.get('/public/performance').expect(200);
      const quarters = (res.body as { quarters: Quarter[] }).quarters;
      const mine = quarters.find((q) => q.definitionKey === definition.key);
      return mine?.decided === 3 ? mine : undefined;
    }, 'the figures of the process');
    expect(row).toEqual({
      definitionKey: definition.key,
      process: 'Performance test process',
      quarter: londonQuarter(),
      received: 4,
      decided: 3,
      medianWorkingDays: 0,
      withinPeriodShare: 2 / 3,
    });

    // In Chinese the process is named in Chinese; no case, reference or applicant is in the figures.
    const zh = await api.http.get('/public/performance').set('accept-language', 'zh-CN').expect(200);
    const text = JSON.stringify(zh.body);
    expect(text).toContain('时效统计测试事项');
    for (const secret of [onTime, late, 'acme-battery', 'Acme']) expect(text).not.toContain(secret);
  });
});
