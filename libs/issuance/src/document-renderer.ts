import { dayOf, textIn, type Language } from '@onewindow/domain';
import PDFDocument from 'pdfkit';
import type { DocumentFacts, PrintedCondition } from './document-facts';
import type { DocumentFonts } from './fonts';
import { addSignaturePlaceholder } from './pdf-signature';
import { qrModules } from './qr-code';
import { OUTCOME_WORDS } from './templates/labels';
import type { DocumentTemplate, TemplateLabel } from './templates';

const MARGIN = 56;
const PAGE_WIDTH = 595.28; // A4
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const QR_SIZE = 96;
const INK = '#1f1f1f';
const MUTED = '#595959';

/**
 * Draws a document as PDF/A-2b with pdfkit: the one typeface subset-embedded, a vector QR code, an empty
 * signature field. Nothing in the output depends on the clock or chance: the dates and the file id come from
 * the facts, so the same facts and template version give the same bytes.
 */
export function renderUnsigned(
  template: DocumentTemplate,
  facts: DocumentFacts,
  fonts: DocumentFonts,
  signer: { name: string; location: string },
): Promise<Buffer> {
  const language = facts.language;
  if (!template.languages.includes(language)) {
    throw new Error(`Template '${template.kind}' v${template.version} is not written in ${language}`);
  }
  const issuedAt = new Date(facts.issuedAt);
  const title = textIn(template.title, language);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: language,
    displayTitle: true,
    font: fonts.regular as unknown as string, // pdfkit takes a parsed font object too
    info: {
      Title: `${title} ${facts.number}`,
      Author: facts.authority,
      Subject: facts.title,
      Creator: 'OneWindow',
      Producer: 'OneWindow',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', fonts.regular as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  new DocumentLayout(doc, template, facts, language).draw();
  addSignaturePlaceholder(doc, { ...signer, reason: `${title} ${facts.number}`, signingTime: issuedAt });
  doc.end();
  return done;
}

class DocumentLayout {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly template: DocumentTemplate,
    private readonly facts: DocumentFacts,
    private readonly language: Language,
  ) {}

  draw(): void {
    const { doc, facts } = this;
    doc.font('regular').fontSize(9).fillColor(MUTED).text(facts.authority, { width: TEXT_WIDTH });
    doc.moveDown(0.6);
    doc.font('bold').fontSize(20).fillColor(INK).text(textIn(this.template.title, this.language));
    doc.font('regular').fontSize(10).fillColor(MUTED);
    doc.text(`${this.label('number')}: ${facts.number}    ${this.label('issuedAt')}: ${this.day(facts.issuedAt)}`);
    doc.moveDown(0.8);
    doc.fontSize(11).fillColor(INK).text(this.preamble(), { width: TEXT_WIDTH, lineGap: 2 });
    for (const section of this.template.sections) {
      switch (section) {
        case 'particulars':
          this.particulars();
          break;
        case 'decision':
          this.decision();
          break;
        case 'conditions':
          this.conditions(facts.decision.conditions);
          break;
        case 'informatives':
          this.list('informatives', facts.decision.informatives);
          break;
        case 'refusal-reasons':
          this.list('refusalReasons', facts.decision.refusalReasons);
          break;
        case 'rights':
          this.heading('rights');
          doc.font('regular').fontSize(10).fillColor(INK).text(this.label('rights'), { width: TEXT_WIDTH });
          break;
        case 'verification':
          this.verification();
          break;
        case 'items':
          this.items();
          break;
        case 'extension':
          this.extension();
          break;
      }
    }
  }

  private particulars(): void {
    const { facts } = this;
    const rows: Array<[TemplateLabel, string]> = [
      ['applicant', facts.applicant.name],
      ['request', facts.title],
      ['process', facts.definitionTitle],
      ['reference', facts.requestId],
      ['authority', facts.authority],
    ];
    if (facts.validUntil) rows.push(['validUntil', this.day(facts.validUntil)]);
    this.doc.moveDown(0.8);
    for (const [label, value] of rows) {
      const y = this.doc.y;
      this.doc.font('bold').fontSize(10).fillColor(MUTED).text(this.label(label), MARGIN, y, { width: 130 });
      this.doc
        .font('regular')
        .fillColor(INK)
        .text(value, MARGIN + 140, y, { width: TEXT_WIDTH - 140 });
      this.doc.x = MARGIN;
      this.doc.moveDown(0.3);
    }
  }

  private decision(): void {
    const { decision } = this.facts;
    this.heading('outcome');
    this.doc.font('bold').fontSize(11).fillColor(INK).text(this.outcome());
    this.doc
      .font('regular')
      .fontSize(10)
      .fillColor(MUTED)
      .text(`${this.label('decidedAt')}: ${this.day(decision.decidedAt)}`);
    if (decision.reason) {
      this.doc.fillColor(INK).text(`${this.label('reason')}: ${decision.reason}`, { width: TEXT_WIDTH });
    }
  }

  private conditions(conditions: PrintedCondition[]): void {
    if (conditions.length === 0) return;
    this.heading('conditions');
    conditions.forEach((condition, i) => {
      this.doc
        .font('bold')
        .fontSize(10.5)
        .fillColor(INK)
        .text(`${i + 1}. ${condition.text}`, { width: TEXT_WIDTH });
      this.doc.font('regular').fontSize(10).fillColor(MUTED);
      const indent = { width: TEXT_WIDTH - 16, indent: 16 };
      if (condition.reason) this.doc.text(`${this.label('conditionReason')}: ${condition.reason}`, indent);
      if (condition.policy) this.doc.text(`${this.label('policy')}: ${condition.policy}`, indent);
      this.doc.moveDown(0.3);
    });
  }

  private list(label: TemplateLabel, items: string[]): void {
    if (items.length === 0) return;
    this.heading(label);
    items.forEach((item, i) =>
      this.doc
        .font('regular')
        .fontSize(10)
        .fillColor(INK)
        .text(`${i + 1}. ${item}`, { width: TEXT_WIDTH }),
    );
  }

  /** Every item the notice asks for, and by when. */
  private items(): void {
    const notice = this.facts.notice;
    this.list('items', notice?.items ?? []);
    if (notice?.deadlineAt) this.line('deadline', this.day(notice.deadlineAt));
    if (notice?.reason) this.line('noticeReason', notice.reason);
  }

  private extension(): void {
    const notice = this.facts.notice;
    this.doc.moveDown(0.6);
    if (notice?.dueAt) this.line('newDueDate', this.day(notice.dueAt));
    if (notice?.reason) this.line('extensionReason', notice.reason);
  }

  private line(label: TemplateLabel, value: string): void {
    this.doc.x = MARGIN;
    this.doc.moveDown(0.4);
    this.doc
      .font('regular')
      .fontSize(10.5)
      .fillColor(INK)
      .text(`${this.label(label)}: ${value}`, { width: TEXT_WIDTH });
  }

  /** The QR code and the code in words, kept together at the foot of the last page. */
  private verification(): void {
    const { doc, facts } = this;
    const needed = QR_SIZE + 24;
    if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
    const top = doc.page.height - MARGIN - QR_SIZE;
    const qr = qrModules(facts.verificationUrl);
    const cell = QR_SIZE / qr.size;
    const left = PAGE_WIDTH - MARGIN - QR_SIZE;
    for (let y = 0; y < qr.size; y += 1) {
      for (let x = 0; x < qr.size; x += 1) if (qr.dark(x, y)) doc.rect(left + x * cell, top + y * cell, cell, cell);
    }
    doc.fillColor('#000000').fill();
    const width = TEXT_WIDTH - QR_SIZE - 16;
    doc.font('bold').fontSize(10).fillColor(INK).text(this.label('verification'), MARGIN, top, { width });
    doc.font('regular').fontSize(9).fillColor(MUTED);
    doc.text(facts.verificationUrl, { width });
    doc.font('bold').fontSize(12).fillColor(INK).text(facts.verificationCode, { width, characterSpacing: 1 });
    doc.font('regular').fontSize(8).fillColor(MUTED).text(this.label('signed'), { width });
  }

  private heading(label: TemplateLabel): void {
    this.doc.x = MARGIN;
    this.doc.moveDown(0.9);
    this.doc.font('bold').fontSize(12).fillColor(INK).text(this.label(label));
    this.doc.moveDown(0.2);
  }

  private preamble(): string {
    const values: Record<string, string> = {
      applicant: this.facts.applicant.name,
      title: this.facts.title,
      outcome: this.outcome(),
    };
    return textIn(this.template.preamble, this.language).replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  }

  private outcome(): string {
    const word = OUTCOME_WORDS[this.facts.decision.outcome];
    return word ? textIn(word, this.language) : this.facts.decision.outcome;
  }

  private label(label: TemplateLabel): string {
    return textIn(this.template.labels[label], this.language);
  }

  private day(iso: string): string {
    return dayOf(iso, { timeZone: this.facts.timeZone });
  }
}
