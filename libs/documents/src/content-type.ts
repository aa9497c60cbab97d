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

/** Names a ZIP's entries may have: the allowed kinds, not ZIPs within ZIPs. */
const ZIP_ENTRY = /\.(pdf|png|jpe?g|tiff?|dwg|dxf)$/i;

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

/** Largest central directory (with its end record) a ZIP may have: the tail kept while streaming. */
const ZIP_TAIL_BYTES = 1024 * 1024;

/**
 * Checks a ZIP's entries while it streams by: keeps only its last MiB, where the central directory
 * lists every entry, and at the end names any entry that is not an allowed kind.
 */
export class ZipEntryCheck {
  private tail = Buffer.alloc(0);

  update(chunk: Buffer): void {
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.length > ZIP_TAIL_BYTES ? joined.subarray(joined.length - ZIP_TAIL_BYTES) : joined;
  }

  /** null when every entry is allowed; otherwise why not. */
  verdict(): string | null {
    const t = this.tail;
    let eocd = -1;
    for (let i = t.length - 22; i >= Math.max(0, t.length - 22 - 65535); i--) {
      if (t.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return 'the ZIP has no readable central directory';
    const entries = t.readUInt16LE(eocd + 10);
    const cdSize = t.readUInt32LE(eocd + 12);
    let at = eocd - cdSize;
    if (at < 0) return 'the ZIP central directory is too large';
    if (entries === 0) return 'the ZIP is empty';
    for (let n = 0; n < entries; n++) {
      if (at + 46 > eocd || t.readUInt32LE(at) !== 0x02014b50) return 'the ZIP central directory is malformed';
      const nameLength = t.readUInt16LE(at + 28);
      const extra = t.readUInt16LE(at + 30);
      const comment = t.readUInt16LE(at + 32);
      const name = t.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      if (!name.endsWith('/') && !ZIP_ENTRY.test(name)) {
        return `the ZIP holds '${name}', which is not a PDF, PNG, JPEG, TIFF, DWG or DXF file`;
      }
      at += 46 + nameLength + extra + comment;
    }
    return null;
  }
}
