import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { parseEvents } from '@/lib/event-stream';
import { ActionErrorAlert } from './action-error';
import { StreamBadge } from './page-state';

function renderWithQueries(node: React.ReactNode) {
  return render(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
}

describe(ActionErrorAlert.name, () => {
  it('tells a clerk who lost a race where the case stands now and offers a refresh', () => {
    const error = new ApiError(
      409,
      'ACTION_REJECTED',
      "step 'intake' is not active",
      'c0ffee00-0000-4000-8000-000000000000',
      {
        current: {
          status: 'in_progress',
          currentSteps: [{ stepId: 'fire-review', state: 'active', assignee: 'clerk-fire' }],
        },
      },
    );
    renderWithQueries(<ActionErrorAlert error={error} requestId="r1" />);
    expect(screen.getByText('Someone else acted first')).toBeTruthy();
    expect(
      screen.getByText('The request is now In progress; open steps: fire-review (held by clerk-fire).'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
    expect(screen.getByText('c0ffee00-0000-4000-8000-000000000000')).toBeTruthy();
  });

  it("shows any other refusal with the API's message and correlation id", () => {
    renderWithQueries(
      <ActionErrorAlert error={new ApiError(403, 'FORBIDDEN', 'Not your department', 'abc')} requestId="r1" />,
    );
    expect(screen.getByText('Not allowed')).toBeTruthy();
    expect(screen.getByTestId('error-message').textContent).toBe('Not your department');
  });
});

describe('the event stream', () => {
  it('splits a Server-Sent Events body into events, keeping an unfinished one for later', () => {
    const { events, rest } = parseEvents(
      'event: ready\ndata: {"a":1}\n\n: heartbeat\n\nid: 7\nevent: transition\ndata: x\ndata: y\n\nevent: trans',
    );
    expect(events).toEqual([
      { event: 'ready', data: '{"a":1}' },
      { event: 'message', data: '' },
      { event: 'transition', data: 'x\ny', id: '7' },
    ]);
    expect(rest).toBe('event: trans');
  });

  it('says so while it reconnects', () => {
    render(<StreamBadge status="reconnecting" />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
  });
});
