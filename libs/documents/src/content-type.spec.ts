import { kindsOf, sniff } from './content-type';
import { contentDisposition, sanitizeFileName, storedFileName } from './file-name';
import { pdfOf, zipOf } from '../../../tests/support/files';

describe(sniff.name, () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n')],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['tiff', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8])],
    ['dwg', Buffer.from('AC1032\0\0')],
    ['dxf', Buffer.from('  0\nSECTION\n  2\nHEADER\n')],
    ['zip', zipOf(['plan.pdf'])],
  ])('recognises %s by its first bytes', (kind, head) => {
    expect(sniff(head)).toBe(kind);
  });

  it('refuses what is not on the allow-list, whatever it is called', () => {
    expect(sniff(Buffer.from('MZ\x90\0'))).toBeNull();
    expect(sniff(Buffer.from('<html><script>'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
});

describe(sanitizeFileName.name, () => {
  it('keeps the last path segment without control or reserved characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\plans\\site "A".pdf')).toBe('site A.pdf');
    expect(sanitizeFileName('plan\u0000\r\n.pdf')).toBe('plan.pdf');
    expect(sanitizeFileName('..hidden.pdf')).toBe('hidden.pdf');
    expect(sanitizeFileName('总平面图.pdf')).toBe('总平面图.pdf');
  });

  it('gives up on names with nothing usable, and shortens long ones keeping the extension', () => {
    expect(sanitizeFileName('../..')).toBeNull();
    expect(sanitizeFileName('\u0000')).toBeNull();
    const long = sanitizeFileName(`${'a'.repeat(400)}.pdf`);
    expect(long).toHaveLength(180);
    expect(long?.endsWith('.pdf')).toBe(true);
  });

  it('sends an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('总平面图.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E6%80%BB%E5%B9%B3%E9%9D%A2%E5%9B%BE.pdf`,
    );
  });
});

describe(kindsOf.name, () => {
  it('reads a plain file as one kind', () => {
    const pdf = pdfOf('plan');
    expect(kindsOf(pdf, pdf)).toEqual(['pdf']);
    const zip = zipOf(['plan.pdf']);
    expect(kindsOf(zip, zip)).toEqual(['zip']);
  });

  it('reads a polyglot as every kind it is: a PDF with a ZIP appended, a PNG with %PDF- up front', () => {
    const pdfZip = Buffer.concat([pdfOf('cover'), zipOf(['run.exe'])]);
    expect(kindsOf(pdfZip, pdfZip).sort()).toEqual(['pdf', 'zip']);
    const pngPdf = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pdfOf('x')]);
    expect(kindsOf(pngPdf, pngPdf).sort()).toEqual(['pdf', 'png']);
  });
});

describe(storedFileName.name, () => {
  it.each([
    ['setup.exe', 'pdf', 'setup.pdf'],
    ['report.pdf.bat', 'pdf', 'report.pdf'],
    ['invoice\u202Efdp.bat', 'pdf', 'invoicefdp.pdf'],
    ['photo\u200B.jpeg', 'jpeg', 'photo.jpeg'],
    ['scan', 'tiff', 'scan.tif'],
    ['Site plan.PDF', 'pdf', 'Site plan.PDF'],
    ['drawings.dwg', 'zip', 'drawings.zip'],
  ] as const)('stores %j sniffed as %s as %j', (raw, kind, stored) => {
    expect(storedFileName(raw, kind)).toBe(stored);
  });
});
