import { fakeApi, json } from './test-fetch';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setTokenSource, type DocumentVersionView } from '@/lib/api/client';
import { mayUploadDocuments } from './document-rights';
import { DocumentsPanel } from './documents-panel';

const REQUEST = '22222222-2222-4222-8222-222222222222';

function version(n: number, fileName: string): DocumentVersionView {
  return {
    documentType: 'site-plan',
    version: n,
    fileName,
    sha256: `${n}`.repeat(64),
    size: 2048 * n,
    contentType: 'application/pdf',
    uploadedBy: { id: 'applicant-1', role: 'applicant', department: null },
    uploadedAt: '2026-12-01T08:00:00.000Z',
    context: 'submission',
    href: `/requests/${REQUEST}/documents/site-plan/versions/${n}`,
  };
}

const versions = [version(1, 'plan-a.pdf'), version(2, 'plan-b.pdf')];

beforeEach(() => {
  setTokenSource(() => 'token-of-clerk');
  fakeApi.seen.length = 0;
  fakeApi.handle(({ method, path }) => {
    if (method === 'GET' && path === `/requests/${REQUEST}/documents`) {
      return json({
        items: [
          { documentType: 'site-plan', title: 'Site plan', requiredAt: ['intake'], current: versions[1], versions },
          { documentType: 'fire-strategy', title: 'Fire strategy', requiredAt: [], current: null, versions: [] },
        ],
      });
    }
    if (method === 'GET' && path.endsWith('/versions/1')) {
      return new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } });
    }
    if (method === 'POST' && path === `/requests/${REQUEST}/documents`) {
      return json(
        {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'The content is not an allowed kind of file',
          correlationId: 'cid-415',
        },
        415,
      );
    }
    return json({ code: 'NOT_FOUND', message: path }, 404);
  });
});

function renderPanel(canUpload: boolean) {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <DocumentsPanel requestId={REQUEST} canUpload={canUpload} />
    </QueryClientProvider>,
  );
}

describe(DocumentsPanel.name, () => {
  it('shows the current version and the whole history, and downloads a version with the bearer token', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => 'blob:plan-a');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPanel(false);
    const sitePlan = await screen.findByTestId('document-site-plan');
    expect(within(sitePlan).getByTestId('document-current').textContent).toContain('Current: version 2, plan-b.pdf');
    const history = within(sitePlan).getByRole('table');
    expect(within(history).getAllByRole('row')).toHaveLength(3);
    expect(within(screen.getByTestId('document-fire-strategy')).getByText('Nothing on file yet.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Upload a document' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Download plan-a.pdf (version 1)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const download = fakeApi.seen.find((r) => r.path.endsWith('/versions/1'));
    expect(download?.headers.get('authorization')).toBe('Bearer token-of-clerk');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('plan-a.pdf');
    click.mockRestore();
  });

  it("offers the upload to those who may, and shows the API's refusal inline", async () => {
    const user = userEvent.setup();
    renderPanel(true);
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    const upload = within(form).getByRole('button', { name: /Upload/ });
    expect(upload.hasAttribute('disabled')).toBe(true);
    await user.upload(within(form).getByLabelText('File'), new File(['MZ'], 'tool.exe'));
    await user.click(upload);
    const refusal = await screen.findByTestId('upload-error');
    expect(refusal.textContent).toContain('This kind of file is not accepted.');
    expect(refusal.textContent).toContain('The content is not an allowed kind of file');
    const sent = fakeApi.seen.find((r) => r.method === 'POST');
    expect(sent?.body).toBeInstanceOf(FormData);
    expect((sent?.body as FormData).get('documentType')).toBe('site-plan');
  });
});

describe('who may upload', () => {
  it('is the applicant of an open request, or a clerk or supervisor on it', () => {
    const open = { applicantId: 'a1', status: 'in_progress' };
    expect(mayUploadDocuments({ id: 'a1', role: 'applicant' }, open)).toBe(true);
    expect(mayUploadDocuments({ id: 'a2', role: 'applicant' }, open)).toBe(false);
    expect(mayUploadDocuments({ id: 'c1', role: 'clerk' }, open)).toBe(true);
    expect(mayUploadDocuments({ id: 'x', role: 'auditor' }, open)).toBe(false);
    expect(mayUploadDocuments({ id: 'a1', role: 'applicant' }, { applicantId: 'a1', status: 'approved' })).toBe(false);
  });
});
