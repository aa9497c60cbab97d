import type { BatchedTransition, TransitionBatch } from '@onewindow/contracts';
import { CONSULTATION_INVITED, CONSULTATION_RESPONDED, type ConsulteePosition } from '@onewindow/domain';
import { ConsulteeLinks, deadlineWords, linkExpiry } from '@onewindow/notifications';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An organisation of the consultee directory. */
export interface ConsulteeOrganisationRow {
  key: string;
  nameEn: string;
  nameZh: string;
  email: string;
  updatedAt: Date;
  updatedBy: string;
}

export type OrganisationFields = Pick<ConsulteeOrganisationRow, 'nameEn' | 'nameZh' | 'email'>;

/** A consultee's response as the chain holds it. */
export interface RecordedResponse {
  seq: number;
  organisation: string;
  position: ConsulteePosition;
  late: boolean;
  text: string;
  conditions: string[];
  documents: Array<{ documentId: string; fileName: string; sha256: string }>;
}

const COLUMNS = `key, name_en AS "nameEn", name_zh AS "nameZh", email, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** The consultee directory, and the invitations a recorded `consultation.invited` sends. */
@Injectable()
export class ConsulteeRepository {
  constructor(private readonly db: DataSource) {}

  list(): Promise<ConsulteeOrganisationRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM consultee_organisations ORDER BY key`);
  }

  async find(key: string): Promise<ConsulteeOrganisationRow | undefined> {
    const [row] = await this.db.query<ConsulteeOrganisationRow[]>(
      `SELECT ${COLUMNS} FROM consultee_organisations WHERE key = $1`,
      [key],
    );
    return row;
  }

  /** Adds an organisation; undefined when the key is taken. */
  async create(key: string, fields: OrganisationFields, by: string): Promise<ConsulteeOrganisationRow | undefined> {
    const [row] = await this.db.query<ConsulteeOrganisationRow[]>(
      `INSERT INTO consultee_organisations (key, name_en, name_zh, email, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO NOTHING RETURNING ${COLUMNS}`,
      [key, fields.nameEn, fields.nameZh, fields.email, by],
    );
    return row;
  }

  /** Changes an organisation's names or address (later invitations use them); undefined when there is none. */
  async update(key: string, fields: OrganisationFields, by: string): Promise<ConsulteeOrganisationRow | undefined> {
    const [rows] = await this.db.query<[ConsulteeOrganisationRow[], number]>(
      `UPDATE consultee_organisations SET name_en = $2, name_zh = $3, email = $4, updated_by = $5, updated_at = now()
       WHERE key = $1 RETURNING ${COLUMNS}`,
      [key, fields.nameEn, fields.nameZh, fields.email, by],
    );
    return rows[0];
  }

  /** What each body answered on a case, as its `consultation.responded` transition recorded it (by organisation). */
  async responses(requestId: string): Promise<Map<string, RecordedResponse>> {
    const rows = await this.db.query<Array<{ seq: number; data: RecordedResponse }>>(
      `SELECT seq, data FROM transitions WHERE request_id = $1 AND event = $2 ORDER BY seq`,
      [requestId, CONSULTATION_RESPONDED],
    );
    return new Map(rows.map((r) => [r.data.organisation, { ...r.data, seq: r.seq }]));
  }

  /**
   * Queues the email of each invitation in a batch (first links and re-sends), inside its recording transaction:
   * the message commits with the transition or neither does, and a retried batch queues nothing twice.
   */
  static async enqueueInvitations(
    tx: EntityManager,
    batch: TransitionBatch,
    transitions: BatchedTransition[],
    links: ConsulteeLinks,
  ): Promise<void> {
    const invitations = transitions.filter((t) => t.event === CONSULTATION_INVITED);
    if (invitations.length === 0) return;
    const { requestId, title } = batch.request;
    for (const t of invitations) {
      const { organisation, link, dueAt } = t.data as { organisation: string; link: number; dueAt: string };
      const invitation = { requestId, title, jurisdiction: batch.state.jurisdiction, organisation, link, dueAt };
      await queueMail(tx, invitation, links, { sentAt: t.at, seq: t.seq, kind: 'consultation-invitation' });
    }
  }

  /** Consultations still awaiting an answer on open cases, due after `now` and by `horizon`: reminder candidates. */
  awaitingAnswerDueBetween(now: Date, horizon: Date): Promise<PendingConsultation[]> {
    return this.db.query<PendingConsultation[]>(
      `SELECT r.id AS "requestId", r.title, r.jurisdiction, c->>'organisation' AS organisation,
         (c->>'link')::int AS link, c->>'dueAt' AS "dueAt"
       FROM requests r CROSS JOIN LATERAL jsonb_array_elements(r.state->'consultations') c
       WHERE r.state ? 'consultations' AND r.status IN ('in_progress', 'awaiting_applicant')
         AND c->>'status' = 'invited' AND (c->>'dueAt')::timestamptz > $1 AND (c->>'dueAt')::timestamptz <= $2
       LIMIT 5000`,
      [now, horizon],
    );
  }

  /** Queues a reminder with the body's current link, once per link and due date (a re-send is reminded afresh). */
  async remind(pending: PendingConsultation[], links: ConsulteeLinks, now: Date): Promise<void> {
    if (pending.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const p of pending) {
        await queueMail(tx, p, links, { sentAt: now.toISOString(), seq: null, kind: 'consultation-reminder' });
      }
    });
  }
}

/** A consultee body's consultation that has not been answered, with what its message needs. */
export interface PendingConsultation {
  requestId: string;
  title: string;
  jurisdiction: string;
  organisation: string;
  link: number;
  dueAt: string;
}

type ConsulteeMailKind = 'consultation-invitation' | 'consultation-reminder';

/** Writes one message with the body's link to the outbox (skipped when its dedupe key is there already). */
async function queueMail(
  tx: EntityManager,
  c: PendingConsultation,
  links: ConsulteeLinks,
  how: { sentAt: string; seq: number | null; kind: ConsulteeMailKind },
): Promise<void> {
  const [body] = await tx.query<ConsulteeOrganisationRow[]>(
    `SELECT ${COLUMNS} FROM consultee_organisations WHERE key = $1`,
    [c.organisation],
  );
  // The definition was checked against the directory when published; a body removed since cannot be emailed.
  if (!body) throw new Error(`Consultee '${c.organisation}' is not in the consultee directory`);
  const [{ zone }] = await tx.query<Array<{ zone: string | null }>>(
    `SELECT (SELECT calendar->>'timeZone' FROM calendars WHERE id = $1 ORDER BY revision DESC LIMIT 1) AS zone`,
    [c.jurisdiction],
  );
  const { requestId, organisation, link, dueAt } = c;
  const url = links.url({ requestId, organisation, link, expires: linkExpiry(dueAt, how.sentAt) });
  const mail = consulteeMail(how.kind, body, c.title, url, dueAt, zone ?? 'UTC');
  const dedupeKey =
    how.kind === 'consultation-invitation'
      ? `${requestId}:${how.seq}:${how.kind}`
      : `${requestId}:${how.kind}:${organisation}:${link}:${dueAt}`;
  await tx.query(
    `INSERT INTO outbox (dedupe_key, channel, recipient_id, request_id, seq, kind, language, address, subject, body, payload)
     VALUES ($1, 'email', $2, $3, $4, $5, 'en', $6, $7, $8, $9)
     ON CONFLICT (dedupe_key, channel) DO NOTHING`,
    [
      dedupeKey,
      `consultee:${organisation}`,
      requestId,
      how.seq,
      how.kind,
      body.email,
      mail.subject,
      mail.body,
      JSON.stringify({ kind: how.kind, organisation, link }),
    ],
  );
}

/** One message in both languages: a consultee body is an organisation, not a reader with a preference on file. */
function consulteeMail(
  kind: ConsulteeMailKind,
  body: ConsulteeOrganisationRow,
  title: string,
  url: string,
  dueAt: string,
  zone: string,
) {
  const reminder = kind === 'consultation-reminder';
  return {
    subject: reminder
      ? `Reminder: consultation on ${title} / 提醒：${title}征求意见`
      : `Consultation: ${title} / 征求意见：${title}`,
    body: [
      ...(reminder ? ['Reminder: we have not yet received your response. / 提醒：我们尚未收到贵单位的回复。', ''] : []),
      `${body.nameEn}: the planning authority consults you on the application "${title}".`,
      `Please respond ${deadlineWords(dueAt, zone, 'en')}. A later response is still recorded, marked late.`,
      `Respond here (no account needed; this link is for your organisation and this application only):`,
      url,
      '',
      `${body.nameZh}：规划主管部门就申请事项“${title}”征求贵单位意见。`,
      `请于${deadlineWords(dueAt, zone, 'zh-CN')}提出意见；逾期提出的意见仍予记录，并标注为逾期。`,
      `请通过以下链接提交意见（无需注册账号；该链接仅限贵单位就本申请事项使用）：`,
      url,
    ].join('\n'),
  };
}
