import { Client } from 'pg';
import { NOTIFICATIONS_CHANNEL } from './repositories/outbox.repository';
import { TRANSITIONS_CHANNEL } from './repositories/transition-log.repository';

export interface TransitionNotice {
  requestId: string;
  lastSeq: number;
}

/** An in-app notification delivered to a user. */
export interface NotificationNotice {
  userId: string;
  id: string;
}

export type TransitionSubscriber = (notice: TransitionNotice) => void;

const RECONNECT_MS = 1000;

/**
 * One dedicated PostgreSQL connection that LISTENs on one channel and fans every notice out to
 * in-process subscribers; it reconnects after the connection drops.
 */
export class ChannelListener<T> {
  private client?: Client;
  private readonly subscribers = new Set<(notice: T) => void>();
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly parse: (payload: string) => T | undefined,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const client = new Client({ connectionString: this.url, application_name: 'onewindow-listener' });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      const notice = this.parse(message.payload);
      if (notice) for (const subscriber of this.subscribers) subscriber(notice);
    });
    client.on('error', (error) => {
      this.onError(error);
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
  }

  subscribe(subscriber: (notice: T) => void): () => void {
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

/** Every recorded batch of transitions. */
export class TransitionListener extends ChannelListener<TransitionNotice> {
  constructor(url: string, onError?: (error: unknown) => void) {
    super(url, TRANSITIONS_CHANNEL, parseNotice, onError);
  }
}

/** Every in-app notification as it is delivered. */
export class NotificationListener extends ChannelListener<NotificationNotice> {
  constructor(url: string, onError?: (error: unknown) => void) {
    super(url, NOTIFICATIONS_CHANNEL, parseNotification, onError);
  }
}

function parseNotification(payload: string): NotificationNotice | undefined {
  try {
    const value = JSON.parse(payload) as Partial<NotificationNotice>;
    return typeof value.userId === 'string' && typeof value.id === 'string'
      ? { userId: value.userId, id: value.id }
      : undefined;
  } catch {
    return undefined;
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
