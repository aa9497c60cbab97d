import { useQuery } from '@tanstack/react-query';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { api, unwrap } from './client';

/** Query keys by resource: a live event invalidates the keys it touches. */
export const queryKeys = {
  request: (id: string) => ['requests', id] as const,
  requests: ['requests'] as const,
  workQueue: ['work-queue'] as const,
  definitions: ['definitions'] as const,
  definition: (key: string, version: number) => ['definitions', key, version] as const,
};

export function useRequestDetail(id: string) {
  return useQuery({
    queryKey: queryKeys.request(id),
    queryFn: () => unwrap(api.GET('/requests/{id}', { params: { path: { id } } })),
  });
}

/** The OpenAPI document leaves definitions open; their shape is the domain's definition type. */
export function useDefinition(key: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: queryKeys.definition(key ?? '', version ?? 0),
    enabled: key !== undefined && version !== undefined,
    staleTime: Infinity,
    queryFn: async () =>
      (await unwrap(
        api.GET('/definitions/{key}/versions/{version}', {
          params: { path: { key: key ?? '', version: version ?? 0 } },
        }),
      )) as unknown as ProcessDefinition,
  });
}

export function useDefinitions() {
  return useQuery({
    queryKey: queryKeys.definitions,
    staleTime: 60_000,
    queryFn: async () => (await unwrap(api.GET('/definitions'))) as unknown as ProcessDefinition[],
  });
}
