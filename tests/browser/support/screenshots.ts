import { execFile } from 'node:child_process';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { promisify } from 'node:util';

const run = promisify(execFile);

const DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** With SCREENSHOTS=1 (`npm run screenshots`), saves the page as the README's picture `name`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true });
}

/** With SCREENSHOTS=1, saves one part of a page (a form, a panel) as the README's picture `name`. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(DIR, { recursive: true });
  await part.screenshot({ path: join(DIR, `${name}.png`) });
}

/** With SCREENSHOTS=1, saves the first page of a PDF (drawn by poppler's pdftoppm) as the README's picture `name`. */
export async function screenshotPdf(pdf: Buffer, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(DIR, { recursive: true });
  const source = join(DIR, `${name}.pdf`);
  writeFileSync(source, pdf);
  try {
    await run('pdftoppm', ['-png', '-r', '80', '-singlefile', source, join(DIR, name)]);
  } finally {
    unlinkSync(source);
  }
}
