import { waitUntil } from '@onewindow/devstack';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '@onewindow/notifications';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  delivery: string;
  language: string;
  /** The plain-text body, transfer encoding undone. */
  text: string;
}

/** A real SMTP server on a free port that keeps every message it is sent. */
export class MailCatcher {
  readonly mails: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c));
        stream.on('end', () => {
          this.mails.push(parseMail(Buffer.concat(parts).toString('utf8')));
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = ((this.server as unknown as { server: Server }).server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  /**
   * The `nth` message received that `matches`, waited for. Generously: a test's dispatcher delivers the shared
   * database's whole outbox, oldest first, so the notifications other test files left undelivered go out first.
   */
  received(matches: (mail: ReceivedMail) => boolean, what: string, nth = 1): Promise<ReceivedMail> {
    return waitUntil(what, () => this.mails.filter(matches)[nth - 1], { timeoutMs: 90_000, intervalMs: 100 });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parseMail(raw: string): ReceivedMail {
  const [rawHead, ...rest] = raw.split(/\r?\n\r?\n/);
  const head = rawHead.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) =>
    head
      .split(/\r?\n/)
      .find((line) => line.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  return {
    to: header('to'),
    subject: decodeWords(header('subject')),
    delivery: header('x-onewindow-delivery'),
    language: header('content-language'),
    text: decodeBody(rest.join('\n\n'), header('content-transfer-encoding').toLowerCase()),
  };
}

/** A single-part body in the transfer encoding mailers pick for it (quoted-printable, base64 or none). */
function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), as mailers write non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

export interface WebhookCall {
  delivery: string;
  verified: boolean;
  status: number;
  body: { id: string; kind: string; language: string; subject: string; requestId: string | null };
}

/**
 * A webhook receiver that checks every signature with the secret it is given and answers with
 * `answer(delivery, attempt)`: a status, or 'hold' to never answer (a worker killed mid-call).
 */
export class WebhookReceiver {
  readonly calls: WebhookCall[] = [];
  secret = '';
  answer: (delivery: string, attempt: number) => number | 'hold' = () => 200;
  private readonly server: Server;
  private readonly held: ServerResponse[] = [];

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/onewindow`;
  }

  /** Deliveries answered 2xx with a valid signature, by id. */
  accepted(): string[] {
    return this.calls.filter((c) => c.verified && c.status >= 200 && c.status < 300).map((c) => c.delivery);
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const chunk of req) parts.push(chunk as Buffer);
    const raw = Buffer.concat(parts).toString('utf8');
    const verified = verifyWebhook(
      this.secret,
      { signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER) },
      raw,
    );
    const delivery = header(req, DELIVERY_HEADER) ?? '';
    const attempt = this.calls.filter((c) => c.delivery === delivery).length + 1;
    const answer = verified ? this.answer(delivery, attempt) : 401;
    if (answer === 'hold') {
      this.held.push(res);
      this.calls.push({ delivery, verified, status: 0, body: JSON.parse(raw) as WebhookCall['body'] });
      return;
    }
    this.calls.push({ delivery, verified, status: answer, body: JSON.parse(raw) as WebhookCall['body'] });
    res.writeHead(answer).end();
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
