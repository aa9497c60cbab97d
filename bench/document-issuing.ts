// What issuing a document costs the worker, measured alone: rendering one language's PDF/A (layout, subset
// fonts, QR code) and signing it, per document, and its size. `npm run bench:documents -- [--count=20]`
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  developmentSigningKey,
  loadDocumentFonts,
  PdfDocumentIssuer,
  TemplateCatalog,
  type DocumentFacts,
} from '@onewindow/issuance';
import { LANGUAGES } from '@onewindow/domain';
import { parseArgs } from 'node:util';

const COUNT = Number(parseArgs({ options: { count: { type: 'string', default: '20' } } }).values.count);

async function main(): Promise<void> {
  const key = developmentSigningKey(join(mkdtempSync(join(tmpdir(), 'ow-bench-')), 'signing.p12'));
  const issuer = new PdfDocumentIssuer({
    templates: new TemplateCatalog(),
    fonts: loadDocumentFonts(),
    key,
    store: { put: () => Promise.reject(new Error('not measured')) },
    publicUrl: 'https://permits.example.gov',
  });
  const started = process.hrtime.bigint();
  await issuer.warmUp();
  const warmUpMs = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `start-up check and warm-up (both languages): ${warmUpMs.toFixed(0)} ms; load ${loadavg()[0].toFixed(2)}`,
  );
  for (const kind of ['receipt', 'information-notice', 'extension-notice', 'decision-notice', 'permit'] as const) {
    for (const language of LANGUAGES) {
      let bytes = 0;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < COUNT; i++) {
        bytes += (await issuer.render(facts(kind, language, i))).length;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6 / COUNT;
      console.log(
        `${kind.padEnd(16)} ${language.padEnd(6)} ${ms.toFixed(0).padStart(5)} ms ${Math.round(bytes / COUNT / 1024)} KiB per document`,
      );
    }
  }
}

function facts(kind: DocumentFacts['kind'], language: DocumentFacts['language'], i: number): DocumentFacts {
  return {
    kind,
    number: `US-CA-2026-${String(i + 1).padStart(6, '0')}`,
    verificationCode: 'ABCD-EFGH-JKMN-PQRS',
    verificationUrl: 'https://permits.example.gov/verify/ABCD-EFGH-JKMN-PQRS',
    issuedAt: new Date(Date.UTC(2026, 2, 6, 10, 0, i)).toISOString(),
    jurisdiction: 'us-ca',
    timeZone: 'America/Los_Angeles',
    authority: 'OneWindow permit office',
    requestId: `request-${i}`,
    title: language === 'en' ? `Battery plant, hall ${i}` : `电池工厂${i}号厂房`,
    applicant: { id: 'acme-battery', name: 'Acme Battery Manufacturing Ltd.' },
    definitionTitle: language === 'en' ? 'Construction / building permit' : '建筑工程施工许可',
    decision: {
      outcome: 'approved',
      decidedAt: '2026-03-04T10:00:00.000Z',
      decidedBy: 'Maria Lopez',
      reason: 'Meets the building code',
      conditions: [
        { text: 'Sprinklers in hall A before occupation', reason: 'Battery store fire load', policy: 'IFC 903.2' },
        { text: '施工期间每日洒水降尘', reason: '大气污染防治要求' },
      ],
      informatives: ['Advertisements need separate consent'],
      refusalReasons: [],
    },
    ...(kind === 'permit' ? { validUntil: '2029-03-05T10:00:00.000Z' } : {}),
    ...(kind === 'information-notice' || kind === 'extension-notice'
      ? {
          notice: {
            items: kind === 'information-notice' ? ['Geotechnical soil report', '消防设计说明书'] : [],
            deadlineAt: '2026-04-01T06:59:59.999Z',
            dueAt: '2026-05-01T06:59:59.999Z',
            reason: 'Awaiting the fire service',
          },
        }
      : {}),
    language,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
