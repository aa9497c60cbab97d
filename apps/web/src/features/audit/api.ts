import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type TimelineEntry = Schemas['TimelineEntryView'];
export type AccessLogEntry = Schemas['AccessLogEntryView'];
export type Checkpoint = Schemas['CheckpointEntryView'];
export type Verification = Schemas['CaseVerificationView'];
export type AuditIssue = Schemas['AuditIssueView'];

export const auditKeys = {
  find: (q: string) => ['audit', 'find', q] as const,
  history: (id: string) => ['audit', id, 'history'] as const,
  view: (id: string, seq: number) => ['audit', id, 'view', seq] as const,
  accessLog: (id: string) => ['audit', id, 'access-log'] as const,
  checkpoints: ['audit', 'checkpoints'] as const,
};

export function useFindCases(q: string) {
  return useQuery({
    queryKey: auditKeys.find(q),
    enabled: q.length > 0,
    queryFn: () => unwrap(api.GET('/audit/requests', { params: { query: { q } } })),
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: auditKeys.history(id),
    queryFn: () => unwrap(api.GET('/audit/requests/{id}/history', { params: { path: { id }, query: {} } })),
  });
}

export function useViewAsOf(id: string, seq: number | undefined) {
  return useQuery({
    queryKey: auditKeys.view(id, seq ?? 0),
    enabled: seq !== undefined,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
    queryFn: () => unwrap(api.GET('/audit/requests/{id}/view', { params: { path: { id }, query: { seq: seq ?? 1 } } })),
  });
}

export function useAccessLog(id: string) {
  return useQuery({
    queryKey: auditKeys.accessLog(id),
    queryFn: () => unwrap(api.GET('/audit/access-log', { params: { query: { requestId: id } } })),
  });
}

export function useCheckpoints() {
  return useQuery({
    queryKey: auditKeys.checkpoints,
    queryFn: () => unwrap(api.GET('/audit/checkpoints')),
  });
}
