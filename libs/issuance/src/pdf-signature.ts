import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

/** Room for the CMS signature (hex-encoded into /Contents): the certificate chain of one key fits well within. */
export const SIGNATURE_LENGTH = 8192;

interface PdfKitInternals {
  ref(data: Record<string, unknown>): { end(): void };
  _root: { data: Record<string, unknown> };
  _acroform: unknown;
  page: { dictionary: unknown; annotations: unknown[] };
}

/**
 * Adds an invisible signature field and the empty signature dictionary that @signpdf/signpdf fills in
 * (as @signpdf/placeholder-pdfkit does, without its form defaults: PDF/A allows no unembedded font).
 */
export function addSignaturePlaceholder(
  pdf: PDFKit.PDFDocument,
  { name, location, reason, signingTime }: { name: string; location: string; reason: string; signingTime: Date },
): void {
  const doc = pdf as unknown as PdfKitInternals;
  const signature = doc.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.from(String.fromCharCode(0).repeat(SIGNATURE_LENGTH)),
    Reason: new String(reason),
    M: signingTime,
    Name: new String(name),
    Location: new String(location),
  });
  // Print + Locked: PDF/A wants every annotation printable.
  const widget = doc.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: 132,
    Rect: [0, 0, 0, 0],
    V: signature,
    T: new String('Signature1'),
    P: doc.page.dictionary,
  });
  doc.page.annotations.push(widget);
  // pdfkit ends the form with the document; it insists on a form font, which a signature field never uses.
  doc._acroform = { fonts: {}, defaultFont: 'none' };
  doc._root.data.AcroForm = doc.ref({ Fields: [widget], SigFlags: 3, DR: { Font: {} } });
  signature.end();
  widget.end();
}
