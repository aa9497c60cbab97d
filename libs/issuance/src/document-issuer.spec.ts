import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentFacts } from './document-facts';
import { PdfDocumentIssuer, sha256Of } from './document-issuer';
import { loadDocumentFonts } from './fonts';
import { developmentSigningKey } from './signing-key';
import { TemplateCatalog } from './templates';

const dir = mkdtempSync(join(tmpdir(), 'onewindow-issuance-'));
const key = developmentSigningKey(join(dir, 'signing.p12'));
const sut = new PdfDocumentIssuer({
  templates: new TemplateCatalog(),
  fonts: loadDocumentFonts(),
  key,
  store: { put: () => Promise.reject(new Error('not used')) },
  publicUrl: 'https://permits.example.gov',
});

function facts(language: DocumentFacts['language']): DocumentFacts {
  return {
    kind: 'permit',
    number: 'US-CA-2026-000042',
    verificationCode: key.verificationCode('request-1/permit-1'),
    verificationUrl: 'https://permits.example.gov/verify/CODE',
    issuedAt: '2026-03-06T10:00:00.000Z',
    jurisdiction: 'us-ca',
    timeZone: 'America/Los_Angeles',
    authority: key.name,
    requestId: 'request-1',
    title: language === 'en' ? 'Battery plant, hall A' : '电池工厂A厂房',
    applicant: { id: 'acme-battery', name: 'Acme Battery' },
    definitionTitle: 'Construction / building permit',
    decision: {
      outcome: 'approved',
      decidedAt: '2026-03-04T10:00:00.000Z',
      decidedBy: 'Maria Lopez',
      reason: 'Meets the code',
      conditions: [{ text: 'Sprinklers before occupation', reason: '锂电池仓储的火灾风险', policy: 'IFC 903.2' }],
      informatives: [],
      refusalReasons: [],
    },
    validUntil: '2029-03-05T10:00:00.000Z',
    language,
  };
}

function textOf(pdf: Buffer): string {
  const file = join(dir, `${sha256Of(pdf)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
}

describe(PdfDocumentIssuer.name, () => {
  it('renders the permit in English and Chinese with its number, applicant, condition and reason', async () => {
    const en = textOf(await sut.render(facts('en')));
    const zh = textOf(await sut.render(facts('zh-CN')));

    expect(en).toContain('Building permit');
    expect(en).toContain('US-CA-2026-000042');
    expect(en).toContain('Acme Battery');
    expect(en).toContain('Sprinklers before occupation');
    expect(en).toContain('锂电池仓储的火灾风险');
    expect(zh).toContain('建筑工程施工许可证');
    expect(zh).toContain('电池工厂A厂房');
    expect(zh).toContain('附加条件');
  });

  it('gives the same bytes for the same facts, and other bytes for other facts', async () => {
    const first = await sut.render(facts('en'));
    const again = await sut.render(facts('en'));
    const other = await sut.render({ ...facts('en'), number: 'US-CA-2026-000043' });

    expect(sha256Of(again)).toBe(sha256Of(first));
    expect(sha256Of(other)).not.toBe(sha256Of(first));
  });

  it('signs the document so that standard tooling verifies the signature', async () => {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, await sut.render(facts('zh-CN')));

    const report = execFileSync('pdfsig', [file]).toString();
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('ETSI.CAdES.detached');
  });

  it('renders the receipt, the correction notice with every item and the extension notice, in both languages', async () => {
    const notice = (kind: DocumentFacts['kind'], language: DocumentFacts['language'], extra: object = {}) =>
      sut.render({ ...facts(language), kind, validUntil: undefined, ...extra }).then(textOf);
    const items = { items: ['Geotechnical soil report', '消防设计说明书'], deadlineAt: '2026-04-01T06:59:59.999Z' };
    const extension = { dueAt: '2026-05-01T06:59:59.999Z', reason: 'Awaiting the fire service' };

    expect(await notice('receipt', 'zh-CN')).toContain('受理回执');
    expect(await notice('receipt', 'en')).toContain('Acknowledgement of receipt');
    const zh = await notice('information-notice', 'zh-CN', { notice: items });
    for (const text of [
      '补正告知书',
      '补正的全部内容',
      'Geotechnical soil report',
      '消防设计说明书',
      '补正期限: 2026-03-31',
    ]) {
      expect(zh).toContain(text);
    }
    const en = await notice('information-notice', 'en', { notice: items });
    expect(en).toContain('Notice to supply information');
    expect(en).toContain('1. Geotechnical soil report');
    const extended = await notice('extension-notice', 'zh-CN', { notice: { items: [], ...extension } });
    for (const text of ['延期通知书', '2026-04-30', 'Awaiting the fire service']) expect(extended).toContain(text);
    expect(await notice('extension-notice', 'en', { notice: { items: [], ...extension } })).toContain(
      'Extension notice',
    );
  });
});
