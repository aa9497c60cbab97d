import type { Page } from 'playwright-core';
import type { ApiDriver } from '../support/api-driver';
import { eventually } from '../support/test-env';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';
import { screenshot } from './support/screenshots';

jest.setTimeout(180_000);

describe('The web app for supervisors, auditors and administrators', () => {
  let web: WebSession;
  let driver: ApiDriver;
  let base: string;
  /** The case the auditor examined, for the Chinese check of the same page. */
  let auditedId = '';

  beforeAll(async () => {
    web = await startWebSession();
    ({ driver, base } = web);
  });

  afterAll(() => web?.close());

  const as = (username: string, locale?: 'en' | 'zh-CN') => web.as(username, locale);

  /** The "Current steps" table of a request page, as a person reads it. */
  const currentSteps = (scope: ReturnType<Page['locator']>) =>
    scope.getByRole('table', { name: 'Current steps', exact: true });

  it('lets an auditor slide back to the transition after intake and see what the applicant saw then, and verify it', async () => {
    const title = `Cell plant hall ${Date.now()}`;
    const submitted = await driver.post('acme-battery', '/requests', {
      definitionKey: 'building-permit',
      title,
      attributes: { floorAreaM2: 4000 },
    });
    const id = (submitted.body as { id: string }).id;
    auditedId = id;
    await driver.waitForStep(id, 'intake');
    expect((await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' })).status).toBe(200);
    const afterIntake = await driver.waitForStep(id, 'fire-review');

    // The applicant's page right after intake.
    const applicant = await as('acme-battery');
    await applicant.goto(`${base}/my-requests/${id}`);
    const applicantSteps = currentSteps(applicant.locator('body'));
    await applicantSteps.getByText('Fire safety review').waitFor();
    // The overview comes after the status; with its diagram the definition is in too.
    await applicant.getByTestId('process-diagram').waitFor();
    const applicantSaw = await applicantSteps.locator('tbody').innerText();
    const applicantStatus = await applicant.getByTestId('request-status').innerText();

    // The case moves on.
    expect((await driver.decide('clerk-fire', id, 'fire-review', { outcome: 'approved' })).status).toBe(200);
    await driver.waitForStep(id, 'building-review');

    const auditor = await as('auditor');
    await auditor.goto(`${base}/auditing`);
    await auditor.getByRole('searchbox', { name: 'Request id, title or applicant' }).fill(title);
    await auditor.getByRole('searchbox', { name: 'Request id, title or applicant' }).press('Enter');
    await auditor.getByRole('link', { name: title }).click();
    await auditor.getByTestId('case-as-of').waitFor();
    await expectAccessible(auditor);

    const intakeDecided = afterIntake.timeline.find((t) => t.stepId === 'intake' && t.event === 'decided')!;
    const lastSeqThen = afterIntake.timeline[afterIntake.timeline.length - 1].seq;
    const slider = auditor.getByRole('slider');
    await slider.focus();
    await slider.press('Home');
    for (let seq = 1; seq < intakeDecided.seq; seq += 1) await slider.press('ArrowRight');
    const asOf = auditor.locator(`[data-testid="case-as-of"][data-seq="${lastSeqThen}"]`);
    await asOf.waitFor();
    await currentSteps(asOf).getByText('Fire safety review').waitFor();
    await asOf.getByTestId('process-diagram').waitFor();
    expect(await currentSteps(asOf).locator('tbody').innerText()).toBe(applicantSaw);
    expect(await asOf.getByTestId('request-status').innerText()).toBe(applicantStatus);
    await screenshot(auditor, 'audit-time-travel');

    await auditor.getByTestId('verify').click();
    const verdict = auditor.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.innerText()).toContain('Verified');
    await expectAccessible(auditor);

    await auditor.getByRole('tab', { name: 'Merged history' }).waitFor();
    expect(await auditor.getByTestId('merged-history').innerText()).toContain('WorkflowExecutionStarted');
  });

  it('shows an administrator each definition as a flow and the faults of a file at their place', async () => {
    const admin = await as('admin');
    await admin.goto(`${base}/processes`);
    await admin.getByTestId('show-building-permit').click();
    const flow = admin.getByTestId('flow-diagram');
    await flow.locator('[data-step="plan-review"][data-kind="parallel"]').waitFor();
    expect(await flow.locator('[data-step="fire-review"]').count()).toBe(1);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-flow');

    const broken = {
      key: 'street-works-permit',
      version: 40,
      title: { en: 'Street works', 'zh-CN': '道路施工' },
      requestType: 'permit',
      jurisdiction: 'gb-eng',
      start: 'check',
      steps: [
        {
          id: 'check',
          kind: 'task',
          title: { en: 'Check', 'zh-CN': '审查' },
          owner: { department: 'transport', role: 'clerk' },
          next: { complete: 'decison' },
        },
        {
          id: 'decision',
          kind: 'task',
          title: { en: 'Decision', 'zh-CN': '决定' },
          owner: { department: 'transport', role: 'clerk' },
          next: { granted: { status: 'approved' } },
        },
      ],
    };
    await admin.locator('input[type="file"]').setInputFiles({
      name: 'street-works.v40.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await admin.getByTestId('publish').click();
    const fault = admin.getByTestId('fault-at-place').first();
    await fault.waitFor();
    expect(await fault.innerText()).toContain("steps[0].next.complete: unknown step 'decison'");
    const faultyLine = admin.locator('[data-fault="true"]', { has: fault });
    expect(await faultyLine.locator('code').first().innerText()).toContain('"complete": "decison"');
    await expectAccessible(admin);
  });

  it('lets a supervisor act on an escalated step: reassign it, stop the clock with a reason, propose an extension', async () => {
    const quick = {
      key: 'escalation-drill',
      version: 1,
      title: { en: 'Escalation drill', 'zh-CN': '督办演练' },
      requestType: 'permit',
      jurisdiction: 'cn',
      start: 'fire-check',
      extensionByAgreement: true,
      caseClock: { duration: { value: 20, unit: 'workingDays' }, pauseOnApplicant: true },
      steps: [
        {
          id: 'fire-check',
          kind: 'task',
          title: { en: 'Fire check', 'zh-CN': '消防检查' },
          owner: { department: 'fire', role: 'clerk' },
          duration: { value: 2, unit: 'seconds' },
          next: { approved: { status: 'approved' } },
        },
      ],
    };
    expect((await driver.post('admin', '/definitions', { definition: quick })).status).toBe(201);
    const title = `Escalated check ${Date.now()}`;
    const id = (
      (await driver.post('volta-grid', '/requests', { definitionKey: quick.key, title })).body as { id: string }
    ).id;
    await eventually(async () => {
      const d = (await driver.get('supervisor', `/requests/${id}`)).body as {
        currentSteps: Array<{ escalated: boolean }>;
      };
      return d.currentSteps[0]?.escalated ? true : undefined;
    }, 'the escalation');

    const supervisor = await as('supervisor');
    await supervisor.goto(`${base}/oversight`);
    const row = supervisor.locator('tr', { hasText: title });
    await row.getByText('Escalated', { exact: true }).waitFor();
    await row.getByTestId('supervise-fire-check').click();
    const panel = supervisor.getByTestId('case-supervision');
    await expectAccessible(supervisor);

    const form = (button: string) => panel.locator('form', { has: supervisor.getByRole('button', { name: button }) });
    await form('Reassign').getByLabel('Reassign to (user id)').fill('clerk-fire');
    await form('Reassign').getByRole('button', { name: 'Reassign' }).click();
    const detail = async () =>
      (await driver.get('supervisor', `/requests/${id}`)).body as {
        currentSteps: Array<{ assignee: string | null }>;
        clock: { paused: boolean } | null;
        extensions: Array<{ status: string; reason: string }>;
      };
    await eventually(
      async () => ((await detail()).currentSteps[0]?.assignee === 'clerk-fire' ? true : undefined),
      'reassigned',
    );

    await form('Stop the clock').getByLabel('Reason to stop the clock').fill('Expert review of the sprinkler design');
    await form('Stop the clock').getByRole('button', { name: 'Stop the clock' }).click();
    await eventually(async () => ((await detail()).clock?.paused ? true : undefined), 'clock stopped');

    // The step's own clock runs in seconds here: the extension is of the statutory clock, in working days.
    await form('Propose extension').getByLabel('Extend').click();
    await supervisor.locator('.ant-select-item-option[title="Statutory clock"]').click();
    await form('Propose extension').getByLabel('Reason').fill('Sprinkler supplier report outstanding');
    await form('Propose extension').getByRole('button', { name: 'Propose extension' }).click();
    const proposed = await eventually(
      async () => (await detail()).extensions.find((x) => x.status === 'proposed'),
      'extension proposed',
    );
    expect(proposed.reason).toBe('Sprinkler supplier report outstanding');
    await panel.getByRole('status').waitFor();
  });

  it('shows a supervisor the breaches and the time use, in both languages, accessibly', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const supervisor = await as('supervisor', locale);
      await supervisor.goto(`${base}/oversight`);
      await supervisor.getByTestId('breaches').waitFor();
      await expectAccessible(supervisor);
      await supervisor.getByRole('tab').nth(1).click();
      await supervisor.getByTestId('time-use').locator('tbody tr').first().waitFor();
      await expectAccessible(supervisor);
      if (locale === 'en') await screenshot(supervisor, 'supervisor-time-use');
    }
    const auditor = await as('auditor', 'zh-CN');
    await auditor.goto(`${base}/auditing`);
    await auditor.getByTestId('checkpoints').waitFor();
    await expectAccessible(auditor);
    await auditor.goto(`${base}/auditing/${auditedId}`);
    await auditor.getByTestId('case-as-of').getByTestId('process-diagram').waitFor();
    await auditor.getByTestId('verify').click();
    await auditor.getByTestId('verdict').waitFor();
    await expectAccessible(auditor);
    const admin = await as('admin', 'zh-CN');
    await admin.goto(`${base}/processes`);
    await admin.getByTestId('definitions').waitFor();
    await expectAccessible(admin);
  });
});
