import { ApiDriver, DetailView } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';

describe('reassignment only to staff who may hold the step', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    id = await driver.submitPermit();
  });
  afterAll(() => api?.close());

  const reassign = (by: string, assigneeId: string) =>
    driver.post(by, `/requests/${id}/steps/intake/reassign`, { assigneeId, reason: 'Cover' });

  it.each([
    ['the applicant', 'acme-battery'],
    ['another applicant', 'volta-grid'],
    ['an unknown id', 'nobody-at-all'],
    ['a clerk of another department', 'clerk-fire'],
    ['an auditor', 'auditor'],
  ])('refuses %s with 422 and changes nothing', async (_who, assigneeId) => {
    const before = await driver.detail(id);
    const res = await reassign('supervisor', assigneeId);
    expect([res.status, (res.body as { code: string }).code]).toEqual([422, 'UNPROCESSABLE']);
    expect(await driver.detail(id)).toEqual(before);
  });

  it('hands the step to a clerk of its department, or to a supervisor', async () => {
    const toClerk = await reassign('supervisor', 'clerk-building-2');
    expect(toClerk.status).toBe(200);
    expect((toClerk.body as DetailView).currentSteps.find((s) => s.stepId === 'intake')?.assignee).toBe(
      'clerk-building-2',
    );
    const toSupervisor = await reassign('clerk-building-2', 'supervisor');
    expect(toSupervisor.status).toBe(200);
  });
});
