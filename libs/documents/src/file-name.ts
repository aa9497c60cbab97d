import type { DocumentKind } from './content-type';

/** Longest file name kept, in characters. */
const MAX_NAME = 180;

/**
 * A client's file name made safe to store and to send back in Content-Disposition: the last path
 * segment only, no control or reserved characters, no leading dots, at most 180 characters (keeping
 * the extension). Null when nothing usable remains.
 */
export function sanitizeFileName(raw: string): string | null {
  const last = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = last
    // Control characters, and format characters (Cf): bidirectional overrides such as U+202E would
    // make `invoice\u202Efdp.bat` display as `invoicetab.pdf`; zero-width ones hide what a name says.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*;]|\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name.length === 0) return null;
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}

/** The extension each kind is stored with; the first is used when the name has none of them. */
const EXTENSIONS: Record<DocumentKind, string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  tiff: ['tif', 'tiff'],
  dwg: ['dwg'],
  dxf: ['dxf'],
  zip: ['zip'],
};

/**
 * The name a document is stored and served under: the sanitised client name with the extension of
 * the kind its content sniffed as — a PDF sent as `setup.exe` is kept as `setup.pdf`, one sent as
 * `report.pdf.bat` as `report.pdf` — so no reader's system opens it as anything else.
 */
export function storedFileName(raw: string, kind: DocumentKind): string | null {
  const name = sanitizeFileName(raw);
  if (!name) return null;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (EXTENSIONS[kind].includes(ext)) return name;
  const stem = dot > 0 ? name.slice(0, dot).replace(/[\s.]+$/, '') : name;
  const inner = stem.lastIndexOf('.');
  if (inner > 0 && EXTENSIONS[kind].includes(stem.slice(inner + 1).toLowerCase())) return stem;
  return `${stem}.${EXTENSIONS[kind][0]}`;
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
