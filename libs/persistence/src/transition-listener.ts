import { Client } from 'pg';
import { TRANSITIONS_CHANNEL } from './repositories/transition-log.repository';

export interface TransitionNotice {
  requestId: string;
  lastSeq: number;
}

export type TransitionSubscriber = (notice: TransitionNotice) => void;

const RECONNECT_MS = 1000;

/**
 * One dedicated PostgreSQL connection that LISTENs on the transitions channel and fans every
 * notice out to in-process subscribers; it reconnects after the connection drops.
 */
export class TransitionListener {
  private client?: Client;
  private readonly subscribers = new Set<TransitionSubscriber>();
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const client = new Client({ connectionString: this.url, application_name: 'onewindow-listener' });
    client.on('notification', (message) => {
      if (message.channel !== TRANSITIONS_CHANNEL || !message.payload) return;
      const notice = parseNotice(message.payload);
      if (notice) for (const subscriber of this.subscribers) subscriber(notice);
    });
    client.on('error', (error) => {
      this.onError(error);
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    await client.connect();
    await client.query(`LISTEN ${TRANSITIONS_CHANNEL}`);
    this.client = client;
  }

  subscribe(subscriber: TransitionSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private scheduleReconnect(dead: Client): void {
    if (this.stopped || this.client !== dead || this.reconnectTimer) return;
    this.client = undefined;
    this.reconnectTimer = setTimeout(() => void this.retry(), RECONNECT_MS);
  }

  private async retry(): Promise<void> {
    this.reconnectTimer = undefined;
    if (this.stopped) return;
    try {
      await this.start();
    } catch (error) {
      this.onError(error);
      this.reconnectTimer = setTimeout(() => void this.retry(), RECONNECT_MS);
    }
  }
}

function parseNotice(payload: string): TransitionNotice | undefined {
  try {
    const value = JSON.parse(payload) as Partial<TransitionNotice>;
    return typeof value.requestId === 'string' && typeof value.lastSeq === 'number'
      ? { requestId: value.requestId, lastSeq: value.lastSeq }
      : undefined;
  } catch {
    return undefined;
  }
}
