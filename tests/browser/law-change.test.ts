import { landUseDefinition } from '@onewindow/domain';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';
import { screenshot } from './support/screenshots';

jest.setTimeout(180_000);

/**
 * The land-use process under a key of its own: other test files publish versions of the built-in land-use
 * process and run cases of it in the same database, and the report covers every running case of a key.
 */
const v1 = { ...landUseDefinition, key: 'depot-land-use' };

/** A statute lengthens the consultation from 21 to 30 days: the file an administrator is about to publish. */
const v2 = {
  ...v1,
  version: 2,
  steps: v1.steps.map((s) => (s.id === 'consultation' ? { ...s, duration: { value: 30, unit: 'calendarDays' } } : s)),
};

describe('The impact of a new definition version, shown before the publish button', () => {
  let web: WebSession;
  const consulting: string[] = [];

  beforeAll(async () => {
    web = await startWebSession();
    const { driver } = web;
    expect((await driver.post('admin', '/definitions', { definition: v1 })).status).toBe(201);
    for (let i = 0; i < 3; i += 1) {
      const res = await driver.post('acme-battery', '/requests', {
        definitionKey: v1.key,
        title: `Depot ${i}`,
        attributes: { development: 'minor' },
      });
      const id = (res.body as { id: string }).id;
      await driver.waitForStep(id, 'validation');
      if (i < 2) {
        await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
        await driver.waitForStep(id, 'consultation');
        consulting.push(id);
      }
    }
  });

  afterAll(() => web?.close());

  it('lists the cases whose consultation would end later, filters them and downloads them as CSV', async () => {
    const admin = await web.as('admin');
    await admin.goto(`${web.base}/processes`);
    await admin.locator('input[type="file"]').setInputFiles({
      name: 'land-use.v2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(v2)),
    });
    await admin.getByTestId('show-impact').click();

    const summary = admin.getByTestId('impact-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Cases examined\s+3 \/ 3/);
    expect(await summary.innerText()).toMatch(/Changed\s+2/);
    const rows = admin.getByTestId('impact-cases').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/consultation: .+ → .+ \(\+\d+\)/);
    expect(await admin.getByTestId('publish').isVisible()).toBe(true);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-impact-report');

    await admin.getByText('All', { exact: true }).click();
    expect(await rows.count()).toBe(3);

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('impact-csv').click()]);
    expect(download.suggestedFilename()).toBe('impact-depot-land-use.csv');
    const csv = await download.createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += String(chunk);
      return text;
    });
    for (const id of consulting) expect(csv).toContain(id);
    expect(csv.split('\n')).toHaveLength(4);
  });
});
