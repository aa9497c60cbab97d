import { fakeApi, json } from './test-fetch';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { setTokenSource, type NotificationItem } from '@/lib/api/client';
import { NotificationBell } from './notification-bell';

function notification(id: string, subject: string, readAt: string | null = null): NotificationItem {
  return {
    id,
    kind: 'decision',
    subject,
    body: `${subject}.`,
    language: 'en',
    requestId: '11111111-1111-4111-8111-111111111111',
    createdAt: '2026-12-01T08:00:00.000Z',
    readAt,
    timeZone: 'America/Los_Angeles',
  };
}

/** The inbox as the API keeps it, and the notification stream the test writes to. */
let inbox: NotificationItem[];
let stream: ReadableStreamDefaultController<Uint8Array>;

beforeEach(() => {
  setTokenSource(() => 'token-of-applicant');
  inbox = [notification('1', 'Your request needs information')];
  fakeApi.seen.length = 0;
  fakeApi.handle(({ method, path, body }) => {
    if (path === '/notifications/events') {
      return new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            stream = controller;
            controller.enqueue(new TextEncoder().encode('event: ready\ndata: {}\n\n'));
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    }
    if (method === 'GET' && path.startsWith('/notifications?')) {
      return json({ items: inbox, unread: inbox.filter((n) => !n.readAt).length });
    }
    if (method === 'POST' && path === '/notifications/read') {
      const ids = (body as { ids?: string[] }).ids;
      inbox = inbox.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: '2026-12-01T08:05:00.000Z' } : n));
      return json({ updated: 1, unread: inbox.filter((n) => !n.readAt).length });
    }
    return json({ code: 'NOT_FOUND', message: path }, 404);
  });
});

function renderBell() {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <NotificationBell requestPath={(id) => `/my-requests/${id}`} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe(NotificationBell.name, () => {
  it('counts the unread, adds one that arrives on the stream, and marks one read from the keyboard', async () => {
    const user = userEvent.setup();
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(fakeApi.seen.find((r) => r.path === '/notifications/events')?.headers.get('authorization')).toBe(
      'Bearer token-of-applicant',
    );

    inbox = [notification('2', 'A decision was recorded'), ...inbox];
    stream.enqueue(new TextEncoder().encode('event: notification\nid: 2\ndata: {"id":"2"}\n\n'));
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });

    bell.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByTestId('notification-list');
    expect(
      within(list)
        .getAllByTestId('notification')
        .map((li) => li.getAttribute('data-unread')),
    ).toEqual(['true', 'true']);
    expect(within(list).getAllByRole('link', { name: 'Open the request' })[0]?.getAttribute('href')).toBe(
      '/my-requests/11111111-1111-4111-8111-111111111111',
    );
    await user.click(within(list).getByRole('button', { name: /^Mark read.*A decision was recorded$/ }));
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(fakeApi.seen.find((r) => r.path === '/notifications/read')?.body).toEqual({ ids: ['2'] });
  });

  it('says so when there is nothing to read', async () => {
    inbox = [];
    const user = userEvent.setup();
    renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 0 unread' }));
    expect(await screen.findByText('No notifications yet.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull());
  });

  it('dates each notification in the zone of its case, named, with UTC on hover', async () => {
    inbox = [{ ...notification('3', 'Approved'), timeZone: 'Asia/Shanghai' }, notification('4', 'Corrections needed')];
    const user = userEvent.setup();
    renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const [shanghai, losAngeles] = within(await screen.findByTestId('notification-list')).getAllByTestId(
      'notification',
    );
    // 08:00 UTC on 1 December is 16:00 in Beijing and midnight in California.
    expect(shanghai.querySelector('time')?.textContent).toMatch(/^Tue 1 Dec 2026 16:00 (CST|GMT\+8)$/);
    expect(losAngeles.querySelector('time')?.textContent).toBe('Tue 1 Dec 2026 00:00 GMT-8');
    expect(losAngeles.querySelector('time')?.getAttribute('title')).toBe('Tue 1 Dec 2026 08:00 UTC');
  });
});
