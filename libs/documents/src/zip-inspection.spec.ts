import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pdfOf, zipOf, ZipEntrySpec } from '../../../tests/support/files';
import { UploadInspection } from './upload-inspection';
import { centralDirectory, entryNameProblem, inspectZipContent, ZipLimits } from './zip-inspection';

const LIMITS: ZipLimits = { maxEntries: 50, maxUncompressedBytes: 1_000_000, maxRatio: 100 };

/** The verdict on a ZIP as an upload sees it: its directory while it streams, then every entry opened. */
async function verdict(zip: Buffer, limits = LIMITS): Promise<string | null> {
  const inspection = new UploadInspection();
  for (let i = 0; i < zip.length; i += 7) inspection.update(zip.subarray(i, i + 7));
  const entries = inspection.zipEntries(limits);
  if (typeof entries === 'string') return entries;
  const chunks = Readable.from(
    Array.from({ length: Math.ceil(zip.length / 1000) }, (_, i) => zip.subarray(i * 1000, i * 1000 + 1000)),
  );
  return inspectZipContent(chunks, entries, limits);
}

const entries = (specs: Array<string | ZipEntrySpec>) => zipOf(specs);

describe(inspectZipContent.name, () => {
  it('accepts a ZIP of drawings and reports, stored or deflated', async () => {
    expect(await verdict(entries(['plans/', 'plans/ground.dwg', 'report.PDF', 'photo.jpeg']))).toBeNull();
    const report = Buffer.concat([pdfOf('r'), randomBytes(20_000)]);
    expect(await verdict(entries([{ name: 'report.pdf', content: report, deflate: true }]))).toBeNull();
  });

  it('names an entry of another kind, by name or by content', async () => {
    expect(await verdict(entries(['plan.pdf', 'setup.exe']))).toMatch(/'setup.exe'/);
    expect(await verdict(entries([{ name: 'plan.pdf', content: Buffer.from('MZ\x90\0 a program') }]))).toMatch(
      /'plan.pdf', which is not a PDF/,
    );
  });

  it('refuses a ZIP inside a ZIP, whatever it is called', async () => {
    expect(await verdict(entries(['inner.zip']))).toMatch(/'inner.zip'/);
    const inner = zipOf(['run.exe']);
    expect(await verdict(entries([{ name: 'plan.pdf', content: inner }]))).toMatch(/another archive/);
    expect(await verdict(entries([{ name: 'plan.pdf', content: inner, deflate: true }]))).toMatch(/another archive/);
  });

  it('refuses an entry that reads as two kinds (a PDF with a ZIP inside)', async () => {
    const polyglot = Buffer.concat([pdfOf('cover'), zipOf(['run.exe'])]);
    expect(await verdict(entries([{ name: 'plan.pdf', content: polyglot }]))).toMatch(/another archive/);
  });

  it('refuses a zip bomb on its declared ratio, and on what it really inflates to', async () => {
    const bomb = Buffer.concat([pdfOf('bomb'), Buffer.alloc(1_000_000, 0x20)]);
    expect(await verdict(entries([{ name: 'plan.pdf', content: bomb, deflate: true }]))).toMatch(/expands more than/);
    // The same bomb with a lying directory (it claims 1 000 bytes): inflation stops at the claim.
    const zip = entries([{ name: 'plan.pdf', content: bomb, deflate: true }]);
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1_000, cd + 24);
    expect(await verdict(zip)).toMatch(/larger than it says/);
    // Below the ratio but beyond the archive's limit.
    const big = { name: 'big.pdf', content: pdfOf('big', 600_000), deflate: true };
    expect(await verdict(entries([big, { ...big, name: 'big2.pdf' }]), { ...LIMITS, maxRatio: 10_000 })).toMatch(
      /unpacks to more than 1000000 bytes/,
    );
  });

  it('refuses too many entries, and the same name twice', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `p${i}.pdf`);
    expect(await verdict(entries(many))).toMatch(/more than 50 entries/);
    expect(await verdict(entries(['a.pdf', 'A.PDF']))).toMatch(/twice/);
  });
});

describe(entryNameProblem.name, () => {
  it.each(['../../etc/cron.d/x.pdf', 'plans/../../x.pdf', '/etc/x.pdf', 'C:/Windows/x.pdf', 'c:x.pdf', 'a\\..\\x.pdf'])(
    'refuses the zip-slip name %j',
    (name) => {
      expect(entryNameProblem(name)).not.toBeNull();
    },
  );

  it.each(['plans//x.pdf', './x.pdf', 'invoice\u202Efdp.pdf', 'x\u0000.pdf'])('refuses the odd name %j', (name) => {
    expect(entryNameProblem(name)).not.toBeNull();
  });

  it('accepts folders and files of allowed kinds', () => {
    expect(entryNameProblem('plans/')).toBeNull();
    expect(entryNameProblem('plans/ground floor.DWG')).toBeNull();
  });

  it('reads names from the directory and refuses before anything is opened', () => {
    const zip = zipOf(['../../x.pdf']);
    expect(centralDirectory(zip, LIMITS)).toMatch(/climbs out/);
  });
});
