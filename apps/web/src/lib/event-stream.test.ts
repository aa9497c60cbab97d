import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEventStream, type StreamStatus } from './event-stream';

const tokens = vi.hoisted(() => ({ current: 'first' }));
vi.mock('./api/client', () => ({ currentToken: () => tokens.current }));

/** A stream body that sends `text` and then ends, or stays open until the request is aborted. */
function body(text: string, end: boolean, signal: AbortSignal): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      if (end) controller.close();
      signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    },
  });
}

describe(openEventStream.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reconnects at once with the renewed token when the server ends the stream at expiry, without a visible blip', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_path: string, init: RequestInit) => {
        calls.push((init.headers as Record<string, string>).authorization);
        const first = calls.length === 1;
        // The token was renewed while the first stream ran.
        tokens.current = 'second';
        const text = first ? 'event: ready\ndata: {}\n\nevent: expired\ndata: {}\n\n' : 'event: ready\ndata: {}\n\n';
        return Promise.resolve(new Response(body(text, first, init.signal as AbortSignal), { status: 200 }));
      }),
    );
    const statuses: StreamStatus[] = [];
    const events: string[] = [];
    const close = openEventStream(
      '/requests/x/events',
      (e) => events.push(e.event),
      (s) => statuses.push(s),
    );
    await vi.waitFor(() => expect(events).toEqual(['ready', 'expired', 'ready']));
    close();
    expect(calls).toEqual(['Bearer first', 'Bearer second']);
    expect(statuses).not.toContain('reconnecting');
  });
});
