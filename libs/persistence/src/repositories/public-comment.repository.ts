import type { BatchedTransition, TransitionBatch } from '@onewindow/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Sentiment = 'support' | 'neutral' | 'object';

/** A comment as the officer sees it: who wrote it (never public), what, and where it stands. */
export interface PublicCommentRow {
  id: string;
  requestId: string;
  name: string;
  email: string;
  sentiment: Sentiment;
  topics: string[];
  text: string;
  textSha256: string;
  createdAt: Date;
  confirmedAt: Date | null;
  publishedAt: Date | null;
  publishedText: string | null;
  publishedSha256: string | null;
  publicationSeq: number | null;
}

export interface NewComment {
  id: string;
  requestId: string;
  name: string;
  email: string;
  sentiment: Sentiment;
  topics: string[];
  text: string;
  textSha256: string;
  confirmationHash: string;
  createdAt: Date;
}

/** The confirmation message, written to the outbox with the comment so both commit or neither does. */
export interface ConfirmationMail {
  language: string;
  subject: string;
  body: string;
}

const COLUMNS = `id, request_id AS "requestId", name, email, sentiment, topics, text, text_sha256 AS "textSha256",
  created_at AS "createdAt", confirmed_at AS "confirmedAt", published_at AS "publishedAt",
  published_text AS "publishedText", published_sha256 AS "publishedSha256", publication_seq AS "publicationSeq"`;

/** Comments of members of the public: kept apart from the case until an officer publishes a redacted copy. */
@Injectable()
export class PublicCommentRepository {
  constructor(private readonly db: DataSource) {}

  /** Stores a comment and queues the message that confirms its email address, in one transaction. */
  async create(comment: NewComment, mail: ConfirmationMail): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO public_comments (id, request_id, name, email, sentiment, topics, text, text_sha256,
           confirmation_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          comment.id,
          comment.requestId,
          comment.name,
          comment.email,
          comment.sentiment,
          comment.topics,
          comment.text,
          comment.textSha256,
          comment.confirmationHash,
          comment.createdAt,
        ],
      );
      await tx.query(
        `INSERT INTO outbox (dedupe_key, channel, recipient_id, request_id, kind, language, address, subject, body, payload)
         VALUES ($1, 'email', $2, $3, 'comment-confirmation', $4, $5, $6, $7, $8)`,
        [
          `comment:${comment.id}`,
          `public-comment:${comment.id}`,
          comment.requestId,
          mail.language,
          comment.email,
          mail.subject,
          mail.body,
          JSON.stringify({ kind: 'comment-confirmation', commentId: comment.id }),
        ],
      );
    });
  }

  /** How many comments this address wrote on this case since `since`: the per-address limit reads it. */
  async countSince(requestId: string, email: string, since: Date): Promise<number> {
    const [{ n }] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM public_comments WHERE request_id = $1 AND lower(email) = lower($2) AND created_at >= $3`,
      [requestId, email, since],
    );
    return n;
  }

  /** Confirms the comment whose link carries this token (by its hash); undefined for an unknown token. */
  async confirm(confirmationHash: string, at: Date): Promise<PublicCommentRow | undefined> {
    // An UPDATE answers [rows, count].
    const [rows] = await this.db.query<[PublicCommentRow[], number]>(
      `UPDATE public_comments SET confirmed_at = coalesce(confirmed_at, $2) WHERE confirmation_hash = $1
       RETURNING ${COLUMNS}`,
      [confirmationHash, at],
    );
    return rows[0];
  }

  forCase(requestId: string): Promise<PublicCommentRow[]> {
    return this.db.query<PublicCommentRow[]>(
      `SELECT ${COLUMNS} FROM public_comments WHERE request_id = $1 ORDER BY created_at, id`,
      [requestId],
    );
  }

  async find(requestId: string, id: string): Promise<PublicCommentRow | undefined> {
    const [row] = await this.db.query<PublicCommentRow[]>(
      `SELECT ${COLUMNS} FROM public_comments WHERE request_id = $1 AND id = $2`,
      [requestId, id],
    );
    return row;
  }

  /** The published comments of a case, as the register shows them. */
  published(requestId: string): Promise<PublicCommentRow[]> {
    return this.db.query<PublicCommentRow[]>(
      `SELECT ${COLUMNS} FROM public_comments WHERE request_id = $1 AND published_at IS NOT NULL
       ORDER BY published_at, id`,
      [requestId],
    );
  }

  /** Puts the published copy a `comment.published` transition names on the register, in its recording transaction. */
  static async recordPublication(tx: EntityManager, batch: TransitionBatch, t: BatchedTransition): Promise<void> {
    const data = t.data as { commentId: string; text: string; sha256: string };
    await tx.query(
      `UPDATE public_comments SET published_at = $3, published_text = $4, published_sha256 = $5, publication_seq = $6
       WHERE request_id = $1 AND id = $2 AND published_at IS NULL`,
      [batch.request.requestId, data.commentId, new Date(t.at), data.text, data.sha256, t.seq],
    );
  }
}
