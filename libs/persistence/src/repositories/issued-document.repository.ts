import type { BatchedTransition, DocumentIssuer, IssuedDocumentData, TransitionBatch } from '@onewindow/contracts';
import type { IssuedRendition } from '@onewindow/contracts';
import type { IssuedDocumentStatus } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { caseZoneSql } from './case-zone';

export type { IssuedDocumentStatus };

/** The transitions that change an issued document's status, and the status each leaves it in. */
export const DOCUMENT_STATUS_EVENTS: Readonly<Record<string, IssuedDocumentStatus>> = {
  'document.revoked': 'revoked',
  'document.suspended': 'suspended',
  'document.reinstated': 'valid',
  'document.varied': 'varied',
  'document.expired': 'expired',
};

/** An issued document as the public verification read model holds it. */
export interface IssuedDocumentRow {
  verificationCode: string;
  requestId: string;
  documentId: string;
  seq: number;
  kind: string;
  number: string;
  templateVersion: number;
  renditions: IssuedRendition[];
  issuer: string;
  issuedAt: Date;
  validUntil: Date | null;
  status: IssuedDocumentStatus;
  statusReason: string | null;
  statusAt: Date | null;
  supersededBy: string | null;
}

/** An issued document as its verification shows it: with the time zone of its jurisdiction. */
export interface VerifiedDocumentRow extends IssuedDocumentRow {
  timeZone: string;
}

const COLUMNS = `verification_code AS "verificationCode", request_id AS "requestId", document_id AS "documentId",
  seq, kind, number, template_version AS "templateVersion", renditions, issuer, issued_at AS "issuedAt",
  valid_until AS "validUntil", status, status_reason AS "statusReason", status_at AS "statusAt",
  superseded_by AS "supersededBy"`;

@Injectable()
export class IssuedDocumentRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Issues the document a `document.issued` transition names, inside the transaction recording it: the
   * series' counter row is incremented (and so locked until commit), the document rendered with that number,
   * stored, and entered in the verification read model. Whatever fails rolls the number back with it.
   */
  static async issue(
    tx: EntityManager,
    issuer: DocumentIssuer,
    batch: TransitionBatch,
    transition: BatchedTransition,
  ): Promise<IssuedDocumentData> {
    const { series, prefix } = issuer.seriesOf(batch, transition);
    const [{ serial }] = await tx.query<{ serial: number }[]>(
      `INSERT INTO document_series (series, last_number) VALUES ($1, 1)
       ON CONFLICT (series) DO UPDATE SET last_number = document_series.last_number + 1
       RETURNING last_number AS serial`,
      [series],
    );
    const number = `${prefix}${String(serial).padStart(6, '0')}`;
    const issued = await issuer.issue(batch, transition, number);
    await tx.query(
      `INSERT INTO issued_documents (verification_code, request_id, document_id, seq, kind, series, serial, number,
         template_version, renditions, issuer, issued_at, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        issued.verificationCode,
        batch.request.requestId,
        issued.documentId,
        transition.seq,
        issued.kind,
        series,
        serial,
        number,
        issued.templateVersion,
        JSON.stringify(issued.renditions),
        issued.authority,
        new Date(transition.at),
        issued.validUntil ? new Date(issued.validUntil) : null,
      ],
    );
    return issued;
  }

  /**
   * Moves the read model of the document a status transition names (revoked, suspended, reinstated, varied,
   * expired), inside the transaction recording it; a varied document points to its new version's code, issued
   * earlier in the same batch.
   */
  static async changeStatus(tx: EntityManager, requestId: string, transition: BatchedTransition): Promise<void> {
    const data = transition.data as { documentId: string; reason?: string; supersededBy?: string };
    await tx.query(
      `UPDATE issued_documents SET status = $3, status_reason = $4, status_at = $5,
         superseded_by = (SELECT verification_code FROM issued_documents WHERE request_id = $1 AND document_id = $6)
       WHERE request_id = $1 AND document_id = $2`,
      [
        requestId,
        data.documentId,
        DOCUMENT_STATUS_EVENTS[transition.event],
        data.reason ?? null,
        new Date(transition.at),
        data.supersededBy ?? null,
      ],
    );
  }

  /** The document a verification code names, with the zone of its jurisdiction, in which it reads its dates. */
  async byCode(code: string): Promise<VerifiedDocumentRow | undefined> {
    const [row] = await this.db.query<VerifiedDocumentRow[]>(
      `SELECT ${COLUMNS}, COALESCE(${caseZoneSql('issued_documents.request_id')}, 'UTC') AS "timeZone"
       FROM issued_documents WHERE verification_code = $1`,
      [code],
    );
    return row;
  }

  async byRequest(requestId: string): Promise<IssuedDocumentRow[]> {
    return this.db.query<IssuedDocumentRow[]>(
      `SELECT ${COLUMNS} FROM issued_documents WHERE request_id = $1 ORDER BY seq`,
      [requestId],
    );
  }

  /** Every number of a series, in order: for checking that none is missing. */
  async numbersOf(series: string): Promise<number[]> {
    const rows = await this.db.query<{ serial: number }[]>(
      `SELECT serial FROM issued_documents WHERE series = $1 ORDER BY serial`,
      [series],
    );
    return rows.map((r) => r.serial);
  }
}
