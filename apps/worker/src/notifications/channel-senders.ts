import {
  DELIVERY_HEADER,
  EgressPolicy,
  isEgressRefusal,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '@onewindow/notifications';
import type { DeliveryResult, OutboxRow } from '@onewindow/persistence';
import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { Agent, fetch } from 'undici';

/** How long a webhook receiver or the SMTP server may take before the attempt counts as failed. */
const SEND_TIMEOUT_MS = 10_000;

export interface SenderOptions {
  smtpUrl?: string;
  smtpFrom: string;
  /** Where webhooks may go (public addresses, and what `EGRESS_ALLOWED_HOSTS` lists). */
  egress: EgressPolicy;
}

/**
 * What the recipient reads in `lastError` for every attempt that got no HTTP answer: refused by the
 * egress policy, unresolvable, refused, reset or timed out alike, so the delivery log cannot be used
 * to map which addresses and ports answer. The worker's log keeps the cause.
 */
export const WEBHOOK_UNREACHABLE =
  'webhook receiver not reached (it must be a public address that answers within 10 s)';

/**
 * Delivers one outbox row on its channel. Every message carries the row's dedupe key (email
 * Message-ID, webhook `X-OneWindow-Delivery`), so a receiver can drop the repeat that a worker
 * dying between sending and recording may cause.
 */
export class ChannelSenders {
  private readonly logger = new Logger('Webhooks');
  private readonly mail?: Transporter;
  private readonly webhooks: Agent;

  constructor(private readonly options: SenderOptions) {
    if (options.smtpUrl) {
      this.mail = createTransport(options.smtpUrl);
    }
    this.webhooks = options.egress.dispatcher({ connectTimeoutMs: SEND_TIMEOUT_MS });
  }

  async send(row: OutboxRow, webhookSecret: string | null): Promise<DeliveryResult> {
    switch (row.channel) {
      case 'in-app':
        // Stored already; delivery makes it visible and announces it to open event streams.
        return { ok: true };
      case 'email':
        return this.email(row);
      case 'webhook':
        return this.webhook(row, webhookSecret);
    }
  }

  close(): void {
    this.mail?.close();
    void this.webhooks.close();
  }

  private async email(row: OutboxRow): Promise<DeliveryResult> {
    if (!this.mail) return { ok: false, error: 'SMTP_URL is not configured' };
    await this.mail.sendMail({
      from: this.options.smtpFrom,
      to: row.address ?? undefined,
      subject: row.subject,
      text: row.body,
      messageId: `<${row.dedupeKey.replace(/[^A-Za-z0-9.:-]/g, '_')}.${row.channel}@onewindow>`,
      headers: { 'X-OneWindow-Delivery': row.dedupeKey, 'Content-Language': row.language },
    });
    return { ok: true };
  }

  private async webhook(row: OutboxRow, secret: string | null): Promise<DeliveryResult> {
    if (!row.address) return { ok: false, error: 'no webhook URL' };
    if (!secret) return { ok: false, error: 'no webhook secret' };
    const body = JSON.stringify({
      id: row.dedupeKey,
      kind: row.kind,
      language: row.language,
      subject: row.subject,
      body: row.body,
      requestId: row.requestId,
      seq: row.seq,
      data: row.payload,
      createdAt: new Date(row.createdAt).toISOString(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number;
    try {
      const res = await fetch(row.address, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
          [DELIVERY_HEADER]: row.dedupeKey,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        dispatcher: this.webhooks,
      });
      status = res.status;
      await res.body?.cancel();
    } catch (error) {
      this.logger.warn({
        msg: isEgressRefusal(error) ? 'webhook refused by the egress policy' : 'webhook receiver not reached',
        delivery: row.dedupeKey,
        err: describe(error),
      });
      return { ok: false, error: WEBHOOK_UNREACHABLE };
    }
    return status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `webhook answered HTTP ${status}` };
  }
}

/** The innermost cause's message (undici wraps connection errors in `fetch failed`), for the worker's log. */
function describe(error: unknown): string {
  let e = error as { message?: unknown; cause?: unknown } | undefined;
  while (e?.cause && typeof e.cause === 'object') e = e.cause;
  return typeof e?.message === 'string' ? e.message : String(error);
}
