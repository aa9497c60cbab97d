import type { BatchedTransition, TransitionBatch } from '@onewindow/contracts';
import { publishedApplication, type CaseTimes, type PublicationFacts } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from '../hash-chain';

/** A case on the public register, as public routes read it. */
export interface PublishedApplicationRow {
  requestId: string;
  reference: string;
  definitionKey: string;
  description: string;
  siteAddress: string | null;
  status: string;
  receivedAt: Date;
  publishedAt: Date;
  decidedAt: Date | null;
  decision: string | null;
  /** Until when the public may comment (the comment period's end), while it is open; null otherwise. */
  commentsUntil: Date | null;
  document: Record<string, unknown>;
  sha256: string;
  sourceHash: string;
  seq: number;
}

export interface RegisterQuery {
  q?: string;
  status?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const COLUMNS = `request_id AS "requestId", reference, definition_key AS "definitionKey", description,
  site_address AS "siteAddress", status, received_at AS "receivedAt", published_at AS "publishedAt",
  decided_at AS "decidedAt", decision, comments_until AS "commentsUntil", document, sha256, source_hash AS "sourceHash", seq`;

/** SHA-256 (hex) of a value's canonical JSON (keys sorted at every depth, no whitespace): how anyone re-checks. */
export function publishedHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** The public register's read model: written only as publications are recorded, read by public routes. */
@Injectable()
export class PublicRegisterRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Enters the case a `case.published` transition publishes, inside the transaction recording it, and returns the
   * transition completed with what the chain must cover: the description, the source entry's hash and the
   * published copy's SHA-256.
   */
  static async publish(
    tx: EntityManager,
    batch: TransitionBatch,
    t: BatchedTransition,
    sourceHash: string,
  ): Promise<BatchedTransition> {
    const facts = t.data as unknown as PublicationFacts;
    const source = { seq: t.seq - 1, hash: sourceHash };
    const document = publishedApplication(facts, {
      description: batch.request.title,
      publishedAt: new Date(t.at).toISOString(),
      jurisdiction: batch.state.jurisdiction,
      source,
    });
    const sha256 = publishedHash(document);
    const address = facts.attributes.siteAddress;
    await tx.query(
      `INSERT INTO published_applications (request_id, reference, definition_key, description, site_address, status,
         received_at, published_at, document, sha256, source_hash, seq, comments_step)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (request_id) DO NOTHING`,
      [
        batch.request.requestId,
        facts.reference,
        facts.definitionKey,
        batch.request.title,
        typeof address === 'string' ? address : null,
        batch.state.status,
        new Date(facts.receivedAt),
        new Date(t.at),
        JSON.stringify(document),
        sha256,
        sourceHash,
        t.seq,
        facts.commentsDuring ?? null,
      ],
    );
    return { ...t, data: { ...t.data, description: batch.request.title, sourceHash, sha256 } };
  }

  async list(query: RegisterQuery): Promise<{ total: number; items: PublishedApplicationRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.q) {
      const like = param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(reference ILIKE ${like} OR site_address ILIKE ${like} OR description ILIKE ${like})`);
    }
    if (query.status) where.push(`status = ${param(query.status)}`);
    if (query.from) where.push(`published_at >= ${param(query.from)}`);
    if (query.to) where.push(`published_at < ${param(query.to)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM published_applications ${filter}`,
      params,
    );
    const items = await this.db.query<PublishedApplicationRow[]>(
      `SELECT ${COLUMNS} FROM published_applications ${filter}
       ORDER BY published_at DESC, reference LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
      params,
    );
    return { total, items };
  }

  /**
   * Every case's receipt, first decision (approved or refused) and the case clock's due date in force then, read
   * from the transition log: what published performance is counted from.
   */
  caseTimes(): Promise<CaseTimes[]> {
    return this.db.query<CaseTimes[]>(CASE_TIMES_SQL);
  }

  async byRequestId(requestId: string): Promise<PublishedApplicationRow | undefined> {
    const [row] = await this.db.query<PublishedApplicationRow[]>(
      `SELECT ${COLUMNS} FROM published_applications WHERE request_id = $1`,
      [requestId],
    );
    return row;
  }

  async byReference(reference: string): Promise<PublishedApplicationRow | undefined> {
    const [row] = await this.db.query<PublishedApplicationRow[]>(
      `SELECT ${COLUMNS} FROM published_applications WHERE reference = $1`,
      [reference],
    );
    return row;
  }
}

const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

const CASE_TIMES_SQL = `
  WITH received AS (
    SELECT request_id, data->>'definitionKey' AS key, occurred_at FROM transitions WHERE event = 'submitted'
  ), decided AS (
    SELECT DISTINCT ON (request_id) request_id, occurred_at, seq FROM transitions
    WHERE step_id IS NULL AND to_state IN ('approved', 'refused') AND from_state <> to_state
    ORDER BY request_id, seq
  ), due AS (
    SELECT DISTINCT ON (t.request_id) t.request_id, t.data->>'dueAt' AS due_at
    FROM transitions t JOIN decided d ON d.request_id = t.request_id
    WHERE t.step_id IS NULL AND t.data ? 'dueAt' AND t.seq < d.seq
    ORDER BY t.request_id, t.seq DESC
  )
  SELECT r.key AS "definitionKey", to_char(r.occurred_at AT TIME ZONE 'UTC', '${ISO_UTC}') AS "receivedAt",
    to_char(d.occurred_at AT TIME ZONE 'UTC', '${ISO_UTC}') AS "decidedAt", due.due_at AS "dueAt"
  FROM received r LEFT JOIN decided d USING (request_id) LEFT JOIN due USING (request_id)`;
