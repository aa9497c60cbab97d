import { fakeApi, json } from './test-fetch';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setTokenSource, type Schemas } from '@/lib/api/client';
import { IssuedDocumentChanges } from './issued-document-changes';

const REQUEST = '33333333-3333-4333-8333-333333333333';

function permit(actions: Schemas['IssuedDocumentView']['actions']): Schemas['IssuedDocumentView'] {
  return {
    documentId: 'permit-1',
    kind: 'permit',
    number: 'US-CA-2026-000042',
    verificationCode: 'ABCD-EFGH-JKLM-NPQR',
    issuedAt: '2026-12-01T08:00:00.000Z',
    status: 'valid',
    statusReason: null,
    statusAt: null,
    supersededBy: null,
    actions,
    templateVersion: 1,
    renditions: [],
  };
}

beforeEach(() => {
  setTokenSource(() => 'token-of-supervisor');
  fakeApi.seen.length = 0;
  fakeApi.handle(({ method, path }) =>
    method === 'POST' ? json({ id: REQUEST }) : json({ code: 'NOT_FOUND', message: path }, 404),
  );
});

function renderChanges(document: Schemas['IssuedDocumentView']) {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <IssuedDocumentChanges requestId={REQUEST} document={document} />
    </QueryClientProvider>,
  );
}

describe(IssuedDocumentChanges.name, () => {
  it('offers only the changes the API says are legal, and sends none without a reason', async () => {
    const user = userEvent.setup();
    renderChanges(permit(['revoke', 'suspend', 'vary']));
    expect(screen.getByRole('button', { name: 'Suspend' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revoke' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reinstate' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await screen.findByText('Reason is required');
    expect(fakeApi.seen.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText('Reason for changing permit US-CA-2026-000042'), 'Breach of condition 1');
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(fakeApi.seen.filter((r) => r.method === 'POST')).toHaveLength(1));
    const [sent] = fakeApi.seen.filter((r) => r.method === 'POST');
    expect(sent.path).toBe(`/requests/${REQUEST}/issued-documents/permit-1/revocation`);
    expect(sent.body).toEqual({ reason: 'Breach of condition 1' });
    expect(sent.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it("varies a permit with the new version's conditions, each with its reason", async () => {
    const user = userEvent.setup();
    renderChanges(permit(['vary', 'revoke']));

    await user.click(screen.getByRole('button', { name: 'Vary' }));
    await user.type(screen.getByLabelText('Reason for changing permit US-CA-2026-000042'), 'Storage moved to hall B');
    await user.click(screen.getByRole('button', { name: /Add condition/ }));
    await user.type(screen.getByLabelText('Condition 1'), 'Sprinklers in hall B before occupation');
    await user.click(screen.getByRole('button', { name: 'Issue the varied permit' }));
    await screen.findByText('Reason for condition 1 is required');
    expect(fakeApi.seen.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText('Reason for condition 1'), 'Battery store fire load');
    await user.click(screen.getByRole('button', { name: 'Issue the varied permit' }));
    await waitFor(() => expect(fakeApi.seen.filter((r) => r.method === 'POST')).toHaveLength(1));
    const [sent] = fakeApi.seen.filter((r) => r.method === 'POST');
    expect(sent.path).toBe(`/requests/${REQUEST}/issued-documents/permit-1/variation`);
    expect(sent.body).toEqual({
      reason: 'Storage moved to hall B',
      conditions: [{ text: 'Sprinklers in hall B before occupation', reason: 'Battery store fire load' }],
    });
  });

  it('shows nothing to someone who may change nothing', () => {
    const { container } = renderChanges(permit([]));
    expect(container.textContent).toBe('');
  });
});
