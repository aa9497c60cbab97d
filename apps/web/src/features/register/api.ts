import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type RegisterPage = Schemas['RegisterPageView'];
export type PublishedApplication = Schemas['PublishedApplicationView'];

type RegisterQuery = NonNullable<paths['/public/applications']['get']['parameters']['query']>;

export type RegisterSearch = Omit<RegisterQuery, 'limit' | 'offset'> & { offset: number };

export const PAGE_SIZE = 10;

/** One page of the public register (no sign-in); the previous page stays shown while the next loads. */
export function useRegister(search: RegisterSearch) {
  return useQuery({
    queryKey: ['public', 'applications', search],
    queryFn: () => unwrap(api.GET('/public/applications', { params: { query: { ...search, limit: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublishedApplication(reference: string) {
  return useQuery({
    queryKey: ['public', 'applications', reference],
    queryFn: () => unwrap(api.GET('/public/applications/{reference}', { params: { path: { reference } } })),
    retry: false,
  });
}

export type QuarterPerformance = Schemas['QuarterPerformanceView'];

export function usePerformance() {
  return useQuery({
    queryKey: ['public', 'performance'],
    queryFn: () => unwrap(api.GET('/public/performance')),
  });
}

export type PublishedComment = Schemas['PublishedCommentView'];
export type NewComment = Schemas['NewCommentDto'];

export function usePublishedComments(reference: string) {
  return useQuery({
    queryKey: ['public', 'applications', reference, 'comments'],
    queryFn: () => unwrap(api.GET('/public/applications/{reference}/comments', { params: { path: { reference } } })),
  });
}

export function useSubmitComment(reference: string) {
  return useMutation({
    mutationFn: (body: NewComment) =>
      unwrap(api.POST('/public/applications/{reference}/comments', { params: { path: { reference } }, body })),
  });
}

export function useConfirmComment() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/public/comments/confirmation', { body: { token } })),
  });
}

export type ConsulteeInvitation = Schemas['ConsulteeInvitationView'];
export type ConsultationResponse = Schemas['ConsultationResponseDto'];

/** What a consultee's link opens (no sign-in: the link is the capability). */
export function useConsulteeInvitation(token: string) {
  return useQuery({
    queryKey: ['public', 'consultations', token],
    queryFn: () => unwrap(api.GET('/public/consultations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export function useRespondToConsultation(token: string) {
  return useMutation({
    mutationFn: (body: ConsultationResponse) =>
      unwrap(api.POST('/public/consultations/{token}/response', { params: { path: { token } }, body })),
  });
}
