import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApi } from './test-api';
import { eventually } from './test-env';

export interface SseEvent {
  event: string;
  data: unknown;
  /** When the event was read (Date.now()). */
  receivedAt: number;
  /** The reconnection delay the server asked for, if any (`retry:`). */
  retry?: number;
}

/**
 * A raw EventSource-like reader over node:http: sends the bearer header, parses `event:`/`data:`
 * blocks as they arrive, and lets a test wait for one.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  status = 0;
  /** Whether the server ended the stream. */
  ended = false;
  private destroy?: () => void;

  static async open(api: TestApi, path: string, token: string): Promise<SseReader> {
    const reader = new SseReader();
    const server = api.app.getHttpServer();
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
        (res) => {
          reader.status = res.statusCode ?? 0;
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              reader.parse(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          });
          res.on('error', () => undefined);
          res.on('end', () => {
            reader.ended = true;
          });
          resolve();
        },
      );
      req.on('error', reject);
      req.end();
      reader.destroy = () => req.destroy();
    });
    return reader;
  }

  next(predicate: (e: SseEvent) => boolean, what: string, timeoutMs = 10_000): Promise<SseEvent> {
    return eventually(async () => Promise.resolve(this.events.find(predicate)), what, timeoutMs);
  }

  close(): void {
    this.destroy?.();
  }

  private parse(block: string): void {
    let event = 'message';
    let retry: number | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('retry:')) retry = Number(line.slice(6).trim());
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text data
    }
    this.events.push({ event, data: parsed, receivedAt: Date.now(), ...(retry !== undefined ? { retry } : {}) });
  }
}
