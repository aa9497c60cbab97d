import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuedDocument } from '../support/api-driver';
import { screenshot, screenshotPdf } from './support/screenshots';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(180_000);

/** Whoever holds the permit checks it at /verify/<code> in a browser without an account. */
describe('The public verification page', () => {
  let web: WebSession;
  const dir = mkdtempSync(join(tmpdir(), 'ow-verify-'));

  beforeAll(async () => {
    web = await startWebSession();
  });
  afterAll(() => web?.close());

  async function issuedPermit(): Promise<{ id: string; permit: IssuedDocument; pdf: Buffer; zh: Buffer }> {
    const { driver } = web;
    const id = await driver.submitPermit();
    const conditions = [{ text: 'Sprinklers in hall A before occupation', reason: 'Battery store fire load' }];
    const permit = (await driver.issuePermit(id, conditions)).find((d) => d.kind === 'permit')!;
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
    return {
      id,
      permit,
      pdf: await fetchPdf(permit.renditions[0].href),
      zh: await fetchPdf(permit.renditions[1].href),
    };
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

  it('shows the permit revoked, with the reason and date, once a supervisor revokes it in the web app', async () => {
    const { id, permit } = await issuedPermit();
    const holder = await web.newPage();
    await holder.goto(`${web.base}/verify/${permit.verificationCode}`);
    await holder.getByTestId('verify-number').getByText(permit.number).waitFor();
    expect(await holder.getByTestId('verify-status').textContent()).toBe('Valid');

    const supervisor = await web.as('supervisor');
    await supervisor.goto(`${web.base}/queue/${id}/steps/issuance`);
    const changes = supervisor.getByTestId(`issued-changes-${permit.documentId}`);
    await changes.getByRole('button', { name: 'Revoke' }).click();
    await changes.getByText('Reason is required').waitFor();
    await changes
      .getByLabel(`Reason for changing permit ${permit.number}`)
      .fill('Works started in breach of condition 1');
    await screenshot(supervisor, '10-permit-changes');
    await changes.getByRole('button', { name: 'Revoke' }).click();
    const status = supervisor.getByTestId('issued-documents').locator(`[data-status="revoked"]`);
    await status.waitFor();
    expect(await status.textContent()).toBe('Revoked');
    await supervisor
      .getByTestId(`issued-reason-${permit.documentId}`)
      .getByText(/breach of condition 1/)
      .waitFor();
    // Nothing more to offer on a revoked permit.
    expect(await changes.count()).toBe(0);
    await supervisor
      .locator('[data-testid="timeline-entry"][data-event="document.revoked"]')
      .getByText('Permit revoked')
      .waitFor();

    await holder.reload();
    await holder.locator('[data-testid="verify-status"][data-status="revoked"]').waitFor();
    expect(await holder.getByTestId('verify-status').textContent()).toBe('Revoked');
    const reason = await holder.getByTestId('verify-status-reason').textContent();
    expect(reason).toContain('Works started in breach of condition 1');
    expect(reason).toContain(String(new Date().getUTCFullYear()));
    // In the issuing jurisdiction's zone (us-ca), as the permit prints its dates; UTC only on hover.
    expect(reason).toMatch(/GMT-[78]/);
    expect(reason).not.toContain('UTC');
    await expectAccessible(holder);
    await screenshot(holder, '11-verify-revoked');
  });

  it('lists the new version once a supervisor varies the permit in the web app; the old one says it was superseded', async () => {
    const { id, permit } = await issuedPermit();
    const supervisor = await web.as('supervisor');
    await supervisor.goto(`${web.base}/queue/${id}/steps/issuance`);
    const changes = supervisor.getByTestId(`issued-changes-${permit.documentId}`);
    await changes.getByRole('button', { name: 'Vary' }).click();
    await changes.getByLabel(`Reason for changing permit ${permit.number}`).fill('Battery store moved to hall B');
    await changes.getByRole('button', { name: /Add condition/ }).click();
    await changes.getByLabel('Condition 1', { exact: true }).fill('Sprinklers in hall B before occupation');
    await changes.getByLabel('Reason for condition 1').fill('Battery store fire load');
    await changes.getByRole('button', { name: 'Issue the varied permit' }).click();

    // The new version, with its own number, is listed beside the old one, now marked varied.
    const panel = supervisor.getByTestId('issued-documents');
    await panel.getByTestId('issued-permit-2-en').waitFor();
    const listed = (await web.driver.get('acme-battery', `/requests/${id}/documents/issued`)).body as IssuedDocument[];
    const varied = listed.find((d) => d.documentId === 'permit-2')!;
    expect(varied.number).not.toBe(permit.number);
    await panel.getByRole('cell', { name: varied.number, exact: true }).waitFor();
    const oldRow = panel
      .getByRole('row')
      .filter({ has: supervisor.getByRole('cell', { name: permit.number, exact: true }) });
    await oldRow.locator('[data-status="varied"]').getByText('Varied').waitFor();
    await panel
      .getByTestId(`issued-reason-${permit.documentId}`)
      .getByText(/moved to hall B/)
      .waitFor();

    // Whoever holds the old paper learns it was superseded, and reaches the version in force.
    const holder = await web.newPage();
    await holder.goto(`${web.base}/verify/${permit.verificationCode}`);
    await holder.locator('[data-testid="verify-status"][data-status="varied"]').waitFor();
    expect(await holder.getByTestId('verify-status').textContent()).toBe('Varied');
    expect(await holder.getByTestId('verify-status-reason').textContent()).toContain('Battery store moved to hall B');
    await holder.getByRole('link', { name: varied.verificationCode }).click();
    await holder.getByTestId('verify-number').getByText(varied.number).waitFor();
    expect(await holder.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
    await expectAccessible(holder);
  });

  it('answers an unknown code with a plain "not found", in Chinese too', async () => {
    const page = await web.newPage('zh-CN');
    await page.goto(`${web.base}/verify/AAAA-BBBB-CCCC-DDDD`);
    await page.getByTestId('verify-not-found').getByText('没有以此核验码签发的文书。').waitFor();
  });
});
