import { buildingPermitDefinition } from '@onewindow/domain';
import type { Page } from 'playwright-core';
import { eventually } from '../support/test-env';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';
import { screenshot } from './support/screenshots';

jest.setTimeout(240_000);

/**
 * The building permit under a key of its own, in a Chinese jurisdiction (Asia/Shanghai): its deadlines are
 * counted in Beijing days, whatever zone the browser or the server runs in.
 */
// Its own title, so the applicant's list of kinds of request names the built-in building permit only once.
const definition = {
  ...buildingPermitDefinition,
  key: 'reading-permit',
  jurisdiction: 'cn',
  title: { en: 'Construction permit, Shanghai', 'zh-CN': '建设工程施工许可（上海）' },
};

type Locale = 'en' | 'zh-CN';

/** A calendar day in words, written out here by hand so the test does not lean on the formatter it checks. */
function dayInWords(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  if (locale === 'zh-CN') return `${year}年${month}月${date}日（周${'日一二三四五六'[weekday]}）`;
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${weekdays[weekday]} ${date} ${months[month - 1]} ${year}`;
}

function byEndOf(day: string, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${dayInWords(day, locale)}当日结束前（中国标准时间）`
    : `by end of ${dayInWords(day, locale)} (China Standard Time)`;
}

const WORDS = {
  en: {
    intake: 'Intake and completeness check',
    process: 'Construction permit, Shanghai',
    clerk: 'Clerk, Building control (clerk-building)',
  },
  'zh-CN': {
    intake: '受理及材料审核',
    process: '建设工程施工许可（上海）',
    clerk: '住房和城乡建设部门经办人（clerk-building）',
  },
} as const;

interface Detail {
  currentSteps: Array<{ stepId: string; clock?: { dueDate?: string } | null }>;
  informationRequests: Array<{ answerByDate?: string; answerBy?: string }>;
}

describe('Dates and names as people read them, in English and Chinese', () => {
  let web: WebSession;
  const title = `Cell plant, hall ${Date.now()}`;
  let id: string;
  /** A second case, its intake running: its due date is shown as it stands. */
  let running: string;
  /** A third case, past its intake: in joint review by the building, fire and environment departments. */
  let reviewed: string;
  let stepDueDate: string;
  let answerByDate: string;

  beforeAll(async () => {
    web = await startWebSession();
    const { driver } = web;
    expect((await driver.post('admin', '/definitions', { definition })).status).toBe(201);
    const submit = async (name: string) => {
      const submitted = await driver.post('acme-battery', '/requests', {
        definitionKey: definition.key,
        title: name,
        attributes: { floorAreaM2: 1200 },
      });
      expect(submitted.status).toBe(202);
      return (submitted.body as { id: string }).id;
    };
    id = await submit(title);
    running = await submit(`${title} (running)`);
    reviewed = await submit(`${title} (reviewed)`);
    await driver.waitForStep(reviewed, 'intake');
    expect((await driver.toPlanReview(reviewed)).status).toBe('in_progress');
    await driver.waitForStep(id, 'intake');
    const opened = (await driver.waitForStep(running, 'intake')) as unknown as Detail;
    stepDueDate = opened.currentSteps[0]?.clock?.dueDate ?? '';
    expect(stepDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const asked = await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, {
      items: [{ id: 'site-plan', description: 'Site plan at 1:500' }],
      reason: 'The site plan has no scale',
    });
    expect(asked.status).toBe(200);
    answerByDate = (asked.body as Detail).informationRequests[0]?.answerByDate ?? '';
    expect(answerByDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  afterAll(() => web?.close());

  async function openRequest(locale: Locale): Promise<Page> {
    const page = await web.as('acme-battery', locale);
    await page.goto(`${web.base}/my-requests/${id}`);
    await page.getByTestId('information-answer-by').waitFor();
    return page;
  }

  it.each(['en', 'zh-CN'] as const)(
    'shows the applicant the answer-by day and the reason of a request for information, in the case’s zone (%s)',
    async (locale) => {
      const page = await openRequest(locale);
      const answerBy = page.getByTestId('information-answer-by');
      expect(await answerBy.innerText()).toBe(byEndOf(answerByDate, locale));
      // The exact instant in UTC on hover, for whoever needs to compare it with the records.
      expect(await answerBy.getAttribute('title')).toMatch(/ UTC$/);
      expect(await page.getByTestId('information-reason').innerText()).toBe('The site plan has no scale');
      await expectAccessible(page);
      await screenshot(page, `request-information-${locale}`);
    },
  );

  it.each(['en', 'zh-CN'] as const)(
    'offers the applicant first what the request waits for, and the optional pledge after it, folded (%s)',
    async (locale) => {
      const page = await openRequest(locale);
      const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())?.y ?? Number.NaN;
      const waiting = await top('actions-waiting');
      const answer = await top('information-answer-by');
      const optional = await top('actions-optional');
      const pledge = await top('pledge');
      expect(waiting < answer && answer < optional && optional < pledge).toBe(true);
      // No required-looking field for what is optional until the applicant opens it.
      const pledgeCard = page.getByTestId('pledge');
      expect(await pledgeCard.getByRole('textbox').count()).toBe(0);
      await pledgeCard.getByRole('button', { name: locale === 'en' ? 'Sign a pledge…' : '签署承诺书…' }).click();
      await pledgeCard.getByRole('textbox').waitFor();

      // A request with the office waits for nothing from the applicant, and says so.
      await page.goto(`${web.base}/my-requests/${reviewed}`);
      expect(await page.getByTestId('nothing-waiting').innerText()).toBe(
        locale === 'en'
          ? 'Nothing waits for you now: the request is with the office.'
          : '目前无需您办理，申请正在审批部门办理中。',
      );
    },
  );

  it.each(['en', 'zh-CN'] as const)('names steps and people in the timeline, never their ids (%s)', async (locale) => {
    const page = await openRequest(locale);
    // One entry for the request, not one for the step and another for the case's echo of it.
    const requested = page.locator('[data-testid="timeline-entry"][data-event="information.requested"]');
    await requested.first().waitFor();
    expect(await requested.count()).toBe(1);
    const text = await requested.innerText();
    expect(text).toContain(WORDS[locale].intake);
    expect(text).not.toMatch(/·\s*intake\b/);
    expect(await requested.getByTestId('timeline-actor').innerText()).toBe(WORDS[locale].clerk);
    const submitted = page.locator('[data-testid="timeline-entry"][data-event="submitted"]').first();
    expect(await submitted.getByTestId('timeline-actor').innerText()).toBe(locale === 'en' ? 'Applicant' : '申请人');
  });

  it.each(['en', 'zh-CN'] as const)(
    'calls outcomes and departments by the names the definition gives them (%s)',
    async (locale) => {
      const page = await web.as('acme-battery', locale);
      await page.goto(`${web.base}/my-requests/${reviewed}`);
      const decided = page.locator('[data-testid="timeline-entry"][data-event="decided"]').first();
      await decided.waitFor();
      expect(await decided.innerText()).toContain(
        locale === 'en' ? `${WORDS.en.intake} → Complete` : `${WORDS['zh-CN'].intake} → 材料齐全，予以受理`,
      );
      const fireRow = page.locator('tr', { hasText: locale === 'en' ? 'Fire safety review' : '消防设计审查' });
      expect(await fireRow.innerText()).toContain(locale === 'en' ? 'Fire safety' : '消防救援机构');
      expect(await fireRow.innerText()).not.toMatch(/\bfire\b/);
    },
  );

  it.each(['en', 'zh-CN'] as const)(
    'reads a step deadline as the end of its last day, not as the midnight after it (%s)',
    async (locale) => {
      const clerk = await web.as('clerk-building', locale);
      await clerk.goto(`${web.base}/queue/${id}/steps/intake`);
      await clerk.getByTestId('information-answer-by').waitFor();
      expect(await clerk.getByTestId('information-answer-by').innerText()).toBe(byEndOf(answerByDate, locale));
      // The running case's step, on its page (from the step clock's last day) and in the queue (from its instant).
      await clerk.goto(`${web.base}/queue/${running}/steps/intake`);
      const row = clerk.locator('tr', { hasText: WORDS[locale].intake }).first();
      await row.waitFor();
      expect(await row.innerText()).toContain(byEndOf(stepDueDate, locale));
      await clerk.goto(`${web.base}/queue`);
      const search = clerk.getByLabel(locale === 'en' ? 'Find a request in the queue' : '在待办中查找申请');
      await search.fill(`${title} (running)`);
      await search.press('Enter');
      const queued = clerk.locator('tr', { hasText: `${title} (running)` });
      await queued.waitFor();
      expect(await queued.innerText()).toContain(byEndOf(stepDueDate, locale));
    },
  );

  it.each(['en', 'zh-CN'] as const)(
    'heads the audit page with the case’s title and process, and reads its history in the case’s zone (%s)',
    async (locale) => {
      const auditor = await web.as('auditor', locale);
      await auditor.goto(`${web.base}/auditing/${id}`);
      const heading = auditor.getByTestId('audit-case-heading');
      await heading.filter({ hasText: title }).waitFor();
      expect(await heading.innerText()).toBe(title);
      expect(await auditor.getByTestId('audit-case-subtitle').innerText()).toContain(WORDS[locale].process);
      const moment = auditor.getByTestId('merged-history').locator('tbody time').first();
      await moment.waitFor();
      expect(await moment.innerText()).toMatch(/ GMT\+8$/);
      expect(await moment.getAttribute('title')).toMatch(/ UTC$/);
      await expectAccessible(auditor);
      await screenshot(auditor, `audit-case-${locale}`);
    },
  );

  it.each(['en', 'zh-CN'] as const)(
    'reads a project’s requests by their process’s name and their next due date in the case’s zone, named (%s)',
    async (locale) => {
      const created = await web.driver.post('acme-battery', '/projects', {
        title: `${title} project ${locale}`,
        limitWorkingDays: 120,
        stages: [
          {
            name: 'Permits',
            definitionKeys: [definition.key],
            attributes: { floorAreaM2: 900 },
            plannedWorkingDays: 40,
          },
        ],
      });
      expect(created.status).toBe(202);
      const project = created.body as { id: string; stages: Array<{ requests: Array<{ memberId: string }> }> };
      const member = project.stages[0].requests[0].memberId;
      // The page shows the project as it stands when opened: once its first request's intake is open.
      await eventually(async () => {
        const now = (await web.driver.get('acme-battery', `/projects/${project.id}`)).body as {
          stages: Array<{ requests: Array<{ nextDueAt: string | null }> }>;
        };
        return now.stages[0].requests[0].nextDueAt ?? undefined;
      }, 'the project’s first request open');
      const applicant = await web.as('acme-battery', locale);
      await applicant.goto(`${web.base}/portfolio/${project.id}`);
      // The intake runs 30 calendar days, counted in Beijing days whatever zone the browser is in.
      const due = applicant.getByTestId(`next-due-${member}`);
      await due.waitFor();
      expect(await applicant.getByTestId('stage-1').locator('tr', { hasText: WORDS[locale].process }).count()).toBe(1);
      expect(await due.innerText()).toMatch(
        locale === 'en' ? /^by end of .+ \(China Standard Time\)$/ : /^.+当日结束前（中国标准时间）$/,
      );
      expect(await due.getAttribute('title')).toMatch(/ UTC$/);
      await expectAccessible(applicant);
    },
  );
});
