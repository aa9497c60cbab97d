import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type StaffComment = Schemas['StaffCommentView'];
export type CommentCounts = Schemas['CommentCountsView'];
export type Redaction = Schemas['RedactionDto'];

const commentsKey = (requestId: string) => ['requests', requestId, 'comments'] as const;

/** Every comment of the public on a case, as the officer reads them (names and addresses included). */
export function useCaseComments(requestId: string) {
  return useQuery({
    queryKey: commentsKey(requestId),
    queryFn: () => unwrap(api.GET('/requests/{id}/comments', { params: { path: { id: requestId } } })),
  });
}

/** The comments that count (email confirmed), by sentiment and by topic. */
export function useCommentCounts(requestId: string) {
  return useQuery({
    queryKey: [...commentsKey(requestId), 'counts'],
    queryFn: () => unwrap(api.GET('/requests/{id}/comments/counts', { params: { path: { id: requestId } } })),
  });
}

/** Publishes a comment's redacted copy (a transition on the case's chain); the lists are read again after. */
export function usePublishComment(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, redactions }: { commentId: string; redactions: Redaction[] }) =>
      unwrap(
        api.POST('/requests/{id}/comments/{commentId}/publication', {
          params: { path: { id: requestId, commentId } },
          body: { redactions },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(requestId) }),
  });
}
