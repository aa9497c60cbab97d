import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { currentToken } from './api/client';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

export interface ServerEvent {
  event: string;
  data: string;
  id?: string;
}

/** Splits a Server-Sent Events body into events (the `text/event-stream` format). */
export function parseEvents(buffer: string): { events: ServerEvent[]; rest: string } {
  const events: ServerEvent[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const event: ServerEvent = { event: 'message', data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') event.id = value;
    }
    event.data = data.join('\n');
    events.push(event);
  }
  return { events, rest };
}

/**
 * Follows a Server-Sent Events stream over fetch, so the bearer token goes in a header
 * (EventSource cannot send one). Reconnects with backoff until closed. The server ends a stream
 * when the token it was opened with expires (`event: expired`): then it reconnects at once with
 * the token renewed meanwhile, without showing a reconnection.
 */
export function openEventStream(
  path: string,
  onEvent: (event: ServerEvent) => void,
  onStatus: (status: StreamStatus) => void,
): () => void {
  const controller = new AbortController();
  let attempt = 0;
  const run = async () => {
    while (!controller.signal.aborted) {
      let renew = false;
      try {
        const token = currentToken();
        const response = await fetch(path, {
          headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const { events, rest } = parseEvents(buffer);
          buffer = rest;
          for (const event of events) {
            if (event.event === 'expired') renew = true;
            if (event.event === 'ready') {
              attempt = 0;
              onStatus('live');
            }
            onEvent(event);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      if (renew) continue;
      onStatus('reconnecting');
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 10_000)));
    }
  };
  onStatus('connecting');
  void run();
  return () => controller.abort();
}

/** Keeps the given queries fresh: every `transition` (and each reconnect) invalidates them. */
export function useLiveInvalidation(path: string | null, keys: QueryKey[]): StreamStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(() => {
    if (!path) return undefined;
    const invalidate = () => {
      for (const queryKey of keysRef.current) void client.invalidateQueries({ queryKey });
    };
    return openEventStream(
      path,
      (event) => {
        if (event.event === 'transition' || event.event === 'ready') invalidate();
      },
      setStatus,
    );
  }, [path, client]);
  return status;
}
