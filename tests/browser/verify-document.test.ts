import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/test-env';
import { screenshot, screenshotPdf } from './support/screenshots';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(180_000);

interface Issued {
  kind: string;
  number: string;
  verificationCode: string;
  renditions: Array<{ language: string; href: string }>;
}

/** Whoever holds the permit checks it at /verify/<code> in a browser without an account. */
describe('The public verification page', () => {
  let web: WebSession;
  const dir = mkdtempSync(join(tmpdir(), 'ow-verify-'));

  beforeAll(async () => {
    web = await startWebSession();
  });
  afterAll(() => web?.close());

  async function issuedPermit(): Promise<{ permit: Issued; pdf: Buffer; zh: Buffer }> {
    const { driver } = web;
    const id = await driver.submitPermit();
    const decide = async (user: string, stepId: string, body: object) => {
      const res = await driver.decide(user, id, stepId, body);
      if (res.status !== 200) throw new Error(`${stepId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    };
    await decide('clerk-building', 'intake', { outcome: 'complete' });
    for (const department of ['building', 'fire', 'environment']) {
      await decide(`clerk-${department}`, `${department}-review`, { outcome: 'approved' });
    }
    await decide('supervisor', 'decision', {
      outcome: 'approved',
      reason: 'Meets the building code',
      conditions: [{ text: 'Sprinklers in hall A before occupation', reason: 'Battery store fire load' }],
    });
    await driver.post('clerk-finance', `/requests/${id}/payments`, { stepId: 'fee', reference: 'PAY-1', amount: 1250 });
    await driver.waitForStep(id, 'issuance');
    await decide('clerk-building', 'issuance', { outcome: 'issued' });
    const permit = await eventually(async () => {
      const list = (await driver.get('acme-battery', `/requests/${id}/documents/issued`)).body as Issued[];
      return list.find((d) => d.kind === 'permit');
    }, 'the permit');
    const fetchPdf = async (href: string) =>
      (
        await web.api.http
          .get(href)
          .set(await driver.auth('acme-battery'))
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          })
      ).body as Buffer;
    return { permit, pdf: await fetchPdf(permit.renditions[0].href), zh: await fetchPdf(permit.renditions[1].href) };
  }

  it('shows the permit valid, accepts the issued PDF and rejects a modified one', async () => {
    const { permit, pdf, zh } = await issuedPermit();
    await screenshotPdf(pdf, '07-permit-en');
    await screenshotPdf(zh, '08-permit-zh');

    const page = await web.newPage();
    await page.goto(`${web.base}/verify/${permit.verificationCode}`);
    await page.getByTestId('verify-number').getByText(permit.number).waitFor();
    expect(await page.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
    expect(await page.getByTestId('verify-status').textContent()).toBe('Valid');

    const issuedFile = join(dir, 'permit.pdf');
    writeFileSync(issuedFile, pdf);
    await page.getByTestId('verify-file').setInputFiles(issuedFile);
    await page
      .getByTestId('verify-result')
      .getByText('This is the issued document (English), byte for byte.')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, '09-verify');

    // One changed byte in the document's metadata: still a readable PDF, no longer the one issued.
    const modified = Buffer.from(pdf);
    const at = modified.indexOf('OneWindow');
    modified[at] = 'X'.charCodeAt(0);
    const modifiedFile = join(dir, 'modified.pdf');
    writeFileSync(modifiedFile, modified);
    expect(execFileSync('pdfinfo', [modifiedFile]).toString()).toContain('Pages:');
    await page.getByTestId('verify-file').setInputFiles(modifiedFile);
    await page
      .getByTestId('verify-result')
      .getByText(/This is not the issued document/)
      .waitFor();
  });

  it('answers an unknown code with a plain "not found", in Chinese too', async () => {
    const page = await web.newPage('zh-CN');
    await page.goto(`${web.base}/verify/AAAA-BBBB-CCCC-DDDD`);
    await page.getByTestId('verify-not-found').getByText('没有以此核验码签发的文书。').waitFor();
  });
});
