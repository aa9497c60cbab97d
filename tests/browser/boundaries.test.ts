import type { Page } from 'playwright-core';
import { ApiDriver } from '../support/api-driver';
import type { TestApi } from '../support/test-api';
import { seriousViolations } from './support/axe';
import { missingTranslations } from './support/browser';
import { startWebSession, WebSession } from './support/web-session';

jest.setTimeout(180_000);

describe('The web app: department boundaries, Chinese pages, the keyboard', () => {
  let web: WebSession;
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    web = await startWebSession();
    ({ api, base } = web);
  });

  // Each test's users sign out with their browsers.
  afterEach(() => web.closeContexts());

  afterAll(() => web?.close());

  const as = (username: string, locale?: 'en' | 'zh-CN') => web.as(username, locale);

  async function submitted(title: string): Promise<string> {
    const res = await api.http
      .post('/requests')
      .set('authorization', `Bearer ${await api.login('acme-battery')}`)
      .send({ definitionKey: 'building-permit', title, attributes: { floorAreaM2: 900 } })
      .expect(202);
    const id = (res.body as { id: string }).id;
    // The workflow records the submission; wait until the intake step is open.
    for (;;) {
      const detail = await api.http
        .get(`/requests/${id}`)
        .set('authorization', `Bearer ${await api.login('acme-battery')}`);
      if ((detail.body as { currentSteps?: unknown[] }).currentSteps?.length) return id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("offers a clerk of another department no decision, and shows the API's 403 to a forged one", async () => {
    // Plan review: fire reads the case (its department has a step on it), building's step is not fire's to decide.
    const driver = new ApiDriver(api);
    const id = await submitted(`Boundary ${Date.now()}`);
    await driver.toPlanReview(id);
    await driver.waitForStep(id, 'fire-review');
    const fire = await as('clerk-fire');
    await fire.goto(`${base}/queue/${id}/steps/building-review`);
    await fire.getByTestId('step-actions').waitFor();
    await fire.getByTestId('no-actions').waitFor();
    expect(await fire.getByTestId('decision-form').count()).toBe(0);

    // A page tampered with to offer the decision anyway: the API refuses, and the page says so.
    await fire.route(`**/requests/${id}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { legalActions: unknown[] };
      body.legalActions = [{ type: 'decide', stepId: 'building-review', outcomes: ['approved'] }];
      await route.fulfill({ response, json: body });
    });
    await fire.reload();
    await fire.getByTestId('decision-form').getByRole('radio', { name: 'Approved', exact: true }).check();
    await fire.getByRole('button', { name: 'Record decision' }).click();
    const alert = fire.getByRole('alert').filter({ hasText: 'Not allowed' });
    await alert.waitFor();
    expect(await alert.getByTestId('error-message').innerText()).toMatch(/building/);
    expect(await alert.innerText()).toMatch(/Correlation id: [0-9a-f-]{36}/);
  });

  it('shows every page in Chinese with nothing left untranslated and no serious accessibility fault', async () => {
    const id = await submitted(`中文 ${Date.now()}`);
    const applicant = await as('acme-battery', 'zh-CN');
    const clerk = await as('clerk-building', 'zh-CN');
    const pages: Array<[Page, string, string]> = [
      [applicant, '/sign-in', '登录'],
      [applicant, '/my-requests', '我的申请'],
      [applicant, '/my-requests/new', '新建申请'],
      [applicant, `/my-requests/${id}`, '法定时限'],
      [clerk, '/queue', '待办队列'],
      [clerk, `/queue/${id}/steps/intake`, '审批决定'],
    ];
    for (const [page, path, heading] of pages) {
      await page.goto(`${base}${path}`);
      await page.getByText(heading).first().waitFor();
      // Every section drawn: a case page loads some after its status, each with its own spinner.
      await page.locator('[role="status"] .ant-spin').first().waitFor({ state: 'detached' });
      expect({ path, missing: await missingTranslations(page) }).toEqual({ path, missing: [] });
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    // Labels from the definition read in Chinese too: the step, the process, the form's fields.
    for (const [page, path] of [
      [applicant, `/my-requests/${id}`],
      [clerk, '/queue'],
      [clerk, `/queue/${id}/steps/intake`],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.waitForFunction(
        (label) =>
          (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
            label,
          ),
        '受理及材料审核',
      );
      await page.locator('[role="status"] .ant-spin').first().waitFor({ state: 'detached' });
      const text = await page.locator('body').innerText();
      expect({ path, english: text.match(/Intake and completeness check|Joint plan review|Site plan/g) }).toEqual({
        path,
        english: null,
      });
    }
    await applicant.goto(`${base}/my-requests/new`);
    await applicant.getByLabel('申请类型').click();
    await applicant.locator('.ant-select-item-option', { hasText: '建筑工程施工许可' }).click();
    await applicant.getByText('总建筑面积（平方米）').waitFor();
  });

  it('lets an applicant submit and a clerk decide with the keyboard alone', async () => {
    const title = `Keyboard ${Date.now()}`;
    const applicant = await as('acme-battery');
    await applicant.goto(`${base}/my-requests/new`);
    await applicant.getByText('New request', { exact: true }).last().waitFor();
    // From the page's first control, Tab to the form's fields in order.
    type PageGlobals = { document: { activeElement: { id: string } | null } };
    const focused = () =>
      applicant.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id ?? '');
    await applicant.getByLabel('Kind of request').focus();
    await applicant.keyboard.press('Enter');
    // Down the list to the building permit: other test files publish definitions into the same database.
    const active = applicant.locator('.ant-select-item-option-active');
    await active.waitFor();
    for (let step = 0; step < 100 && (await active.innerText()).trim() !== 'Building permit'; step += 1) {
      await applicant.keyboard.press('ArrowDown');
    }
    await active.filter({ hasText: /^Building permit$/ }).waitFor();
    await applicant.keyboard.press('Enter');
    await applicant.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    // The definition's attribute fields appear once its kind is chosen.
    await applicant.getByLabel('Gross floor area (m²)').waitFor();
    await applicant.keyboard.press('Tab');
    expect(await focused()).toBe('title');
    await applicant.keyboard.type(title);
    await applicant.keyboard.press('Tab');
    expect(await focused()).toBe('attributes_floorAreaM2');
    await applicant.keyboard.type('1500');
    await applicant.keyboard.press('Enter');
    await applicant.waitForURL(/\/my-requests\/[0-9a-f-]{36}$/);
    await applicant.locator('[data-step="intake"][data-state="active"]').waitFor();

    const clerk = await as('clerk-building');
    await clerk.goto(`${base}/queue`);
    await clerk.getByLabel('Find a request in the queue').focus();
    await clerk.keyboard.type(title);
    await clerk.keyboard.press('Enter');
    const link = clerk.locator('tr', { hasText: title }).getByTestId('open-intake');
    await link.focus();
    await clerk.keyboard.press('Enter');
    const form = clerk.getByTestId('decision-form');
    await form.waitFor();
    await form.getByRole('radio').first().focus();
    await clerk.keyboard.press('Space');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('Documents complete');
    // On through the form's own controls (adding a condition, the process's standard conditions, an informative)
    // to the button that records the decision.
    const submit = form.locator('button[type="submit"]');
    const submitFocused = () => submit.evaluate((button) => button === button.ownerDocument.activeElement);
    for (let tabs = 0; tabs < 12 && !(await submitFocused()); tabs += 1) await clerk.keyboard.press('Tab');
    expect(await submitFocused()).toBe(true);
    await clerk.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await applicant.locator('[data-step="fire-review"][data-state="active"]').waitFor();
  });
});
