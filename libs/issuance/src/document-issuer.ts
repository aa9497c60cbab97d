import type { BatchedTransition, DocumentIssuer, IssuedDocumentData, TransitionBatch } from '@onewindow/contracts';
import type { BlobStore } from '@onewindow/documents';
import {
  builtInCalendar,
  conditionOf,
  dayOf,
  LANGUAGES,
  type CaseState,
  type DocumentKind,
  type Language,
  type LocalizedText,
  type StandardCondition,
  textIn,
} from '@onewindow/domain';
import { signPdf } from './document-signer';
import type { DocumentFacts } from './document-facts';
import { renderUnsigned } from './document-renderer';
import type { DocumentFonts } from './fonts';
import type { SigningKey } from './signing-key';
import type { TemplateCatalog } from './templates';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

export interface DocumentIssuerDeps {
  templates: TemplateCatalog;
  fonts: DocumentFonts;
  key: SigningKey;
  store: Pick<BlobStore, 'put'>;
  /** Where `/verify/<code>` is served, printed with the QR code. */
  publicUrl: string;
}

/** What a `document.issued` transition carries from the reducer. */
interface DueDocument {
  documentId: string;
  kind: DocumentKind;
  process?: LocalizedText;
  validUntil?: string;
  /** A notice issued on an event: the items it lists, the deadline or new due date, the reason. */
  items?: Array<{ id: string; description: LocalizedText }>;
  deadlineAt?: string;
  dueAt?: string;
  reason?: string;
  /** The definition's standard conditions the case's conditions were chosen as, in every language. */
  standardConditions?: StandardCondition[];
}

/** Issues documents in every served language, signed, stored once each by content. */
export class PdfDocumentIssuer implements DocumentIssuer {
  constructor(private readonly deps: DocumentIssuerDeps) {}

  seriesOf(batch: TransitionBatch, transition: BatchedTransition): { series: string; prefix: string } {
    const jurisdiction = batch.state.jurisdiction.toUpperCase();
    const year = dayOf(transition.at, { timeZone: timeZoneOf(batch.state) }).slice(0, 4);
    return { series: `${jurisdiction}/${year}`, prefix: `${jurisdiction}-${year}-` };
  }

  async issue(batch: TransitionBatch, transition: BatchedTransition, number: string): Promise<IssuedDocumentData> {
    const due = transition.data as unknown as DueDocument;
    const template = this.deps.templates.current(due.kind);
    const verificationCode = this.deps.key.verificationCode(`${batch.request.requestId}/${due.documentId}`);
    const renditions = [];
    for (const language of LANGUAGES) {
      const facts = factsOf(batch, transition, due, { number, verificationCode, language, ...this.deps });
      const pdf = await this.render(facts);
      const stored = await this.deps.store.put(Readable.from([pdf]));
      renditions.push({ language, sha256: stored.sha256, size: stored.size });
    }
    return {
      documentId: due.documentId,
      kind: due.kind,
      number,
      verificationCode,
      templateVersion: template.version,
      authority: this.deps.key.name,
      renditions,
      ...(due.validUntil ? { validUntil: due.validUntil } : {}),
    };
  }

  /** Renders one sample in every language: proves the templates, fonts and key work before any case needs them. */
  async warmUp(): Promise<void> {
    for (const language of LANGUAGES) {
      await this.render({
        kind: 'permit',
        number: 'SAMPLE-0000-000000',
        verificationCode: 'SAMP-LE00-0000-0000',
        verificationUrl: `${this.deps.publicUrl}/verify/SAMPLE`,
        issuedAt: '2026-01-01T00:00:00.000Z',
        jurisdiction: 'sample',
        timeZone: 'UTC',
        authority: this.deps.key.name,
        requestId: 'sample',
        title: 'Sample 样本',
        applicant: { id: 'sample', name: 'Sample 样本' },
        definitionTitle: 'Sample',
        decision: {
          outcome: 'approved',
          decidedAt: '2026-01-01T00:00:00.000Z',
          decidedBy: 'sample',
          conditions: [{ text: 'Sample 条件', reason: 'Sample 理由' }],
          informatives: [],
          refusalReasons: [],
        },
        language,
      });
    }
  }

  /** Renders and signs one language's document: the auditor calls it again to compare bytes with the chain. */
  async render(facts: DocumentFacts, templateVersion?: number): Promise<Buffer> {
    const { templates, fonts, key } = this.deps;
    const template =
      templateVersion === undefined ? templates.current(facts.kind) : templates.version(facts.kind, templateVersion);
    const unsigned = await renderUnsigned(template, facts, fonts, { name: key.name, location: facts.jurisdiction });
    return signPdf(unsigned, key, new Date(facts.issuedAt));
  }
}

function timeZoneOf(state: CaseState): string {
  return state.calendar?.timeZone ?? builtInCalendar(state.jurisdiction)?.timeZone ?? 'UTC';
}

/** The facts a document shows, read from the case as recorded with the transition that issues it. */
export function factsOf(
  batch: TransitionBatch,
  transition: BatchedTransition,
  due: DueDocument,
  how: { number: string; verificationCode: string; language: Language; publicUrl: string; key: SigningKey },
): DocumentFacts {
  const { state, request } = batch;
  const records = state.history.filter((h) => h.result === 'completed');
  const decided = [...records].reverse().find((h) => h.stepId === transition.stepId);
  const reasoned = [...records]
    .reverse()
    .find((h) => h.reason !== undefined || h.conditions?.length || h.refusalReasons?.length);
  const process = due.process ?? state.definitionKey;
  return {
    kind: due.kind,
    number: how.number,
    verificationCode: how.verificationCode,
    verificationUrl: `${how.publicUrl.replace(/\/$/, '')}/verify/${how.verificationCode}`,
    issuedAt: transition.at,
    jurisdiction: state.jurisdiction,
    timeZone: timeZoneOf(state),
    authority: how.key.name,
    requestId: request.requestId,
    title: request.title,
    applicant: { id: state.applicant.id, name: state.applicant.name ?? state.applicant.id },
    definitionTitle: typeof process === 'string' ? process : (process[how.language] ?? process.en),
    decision: {
      outcome: transition.outcome ?? decided?.outcome ?? '',
      decidedAt: decided?.at ?? transition.at,
      decidedBy: decided?.by.name ?? decided?.by.id ?? '',
      ...(reasoned?.reason !== undefined ? { reason: reasoned.reason } : {}),
      conditions: state.conditions.map(({ text, reason, policy, standard }) => {
        const chosen = due.standardConditions?.find((c) => c.key === standard);
        return chosen
          ? conditionOf({
              text: textIn(chosen.text, how.language),
              reason: textIn(chosen.reason, how.language),
              policy,
            })
          : conditionOf({ text, reason: reason ?? '', policy });
      }),
      informatives: records.flatMap((h) => h.informatives ?? []),
      refusalReasons: transition.outcome === 'refused' ? (decided?.refusalReasons ?? []) : [],
    },
    ...(due.validUntil ? { validUntil: due.validUntil } : {}),
    ...(noticeOf(due, how.language) ?? {}),
    language: how.language,
  };
}

/** What a notice issued on an event prints, in the document's language; nothing for a decision or permit. */
function noticeOf(due: DueDocument, language: Language): Pick<DocumentFacts, 'notice'> | undefined {
  if (!due.items && !due.dueAt && !due.deadlineAt && due.reason === undefined) return undefined;
  return {
    notice: {
      items: (due.items ?? []).map((item) => textIn(item.description, language)),
      ...(due.deadlineAt ? { deadlineAt: due.deadlineAt } : {}),
      ...(due.dueAt ? { dueAt: due.dueAt } : {}),
      ...(due.reason !== undefined ? { reason: due.reason } : {}),
    },
  };
}

/** SHA-256 of bytes, hex: what the chain records and the verification page compares. */
export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
