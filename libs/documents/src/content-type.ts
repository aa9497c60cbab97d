/** The kinds of file a document may be: drawings, reports and scans, or a ZIP of them. */
export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'dwg' | 'dxf' | 'zip';

export const CONTENT_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  dwg: 'image/vnd.dwg',
  dxf: 'image/vnd.dxf',
  zip: 'application/zip',
};

/** Bytes `sniff` needs to see (fewer when the content is shorter). */
export const SNIFF_BYTES = 64;

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/**
 * The kind of a file from its first bytes (magic numbers), never from its name or the client's
 * Content-Type; null when it is none of the allowed kinds.
 */
export function sniff(head: Buffer): DocumentKind | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (/^AC10\d\d/.test(head.subarray(0, 6).toString('latin1'))) return 'dwg';
  if (head.subarray(0, 18).toString('latin1') === 'AutoCAD Binary DXF') return 'dxf';
  // ASCII DXF: group code 0 then SECTION (optionally after 999 comment lines, not accepted here).
  if (/^\s*0\r?\nSECTION\r?\n/.test(head.toString('latin1'))) return 'dxf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

/** Bytes at the start of a file in which a PDF reader looks for `%PDF-`. */
export const POLYGLOT_HEAD_BYTES = 1024;

/**
 * Every kind a file may be read as, from its first bytes and its end: its magic number, a `%PDF-`
 * anywhere in the first 1 024 bytes (PDF readers look that far), and a ZIP end-of-directory record
 * at the end (ZIP readers look there, whatever comes first). More than one is a polyglot: one reader sees a harmless plan,
 * another an archive of programs.
 */
export function kindsOf(head: Buffer, tail: Buffer): DocumentKind[] {
  const kinds = new Set<DocumentKind>();
  const first = sniff(head.subarray(0, SNIFF_BYTES));
  if (first) kinds.add(first);
  // A ZIP's first entry may well be a stored PDF: every entry is opened and checked on its own instead.
  if (first !== 'zip' && head.subarray(0, POLYGLOT_HEAD_BYTES).includes('%PDF-')) kinds.add('pdf');
  const end = tail.subarray(Math.max(0, tail.length - 22 - 65535));
  for (let i = end.length - 22; i >= 0; i--) {
    if (end.readUInt32LE(i) === 0x06054b50) {
      kinds.add('zip');
      break;
    }
  }
  return [...kinds];
}
