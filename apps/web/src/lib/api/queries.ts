import { useQuery } from '@tanstack/react-query';
import type { WorkingCalendar } from '@onewindow/calendar-types';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { api, unwrap } from './client';

/** Query keys by resource: a live event invalidates the keys it touches. */
export const queryKeys = {
  request: (id: string) => ['requests', id] as const,
  requests: ['requests'] as const,
  workQueue: ['work-queue'] as const,
  definitions: ['definitions'] as const,
  calendars: ['calendars'] as const,
  definition: (key: string, version: number) => ['definitions', key, version] as const,
};

/** A request's status page: asked for by its page, and ahead of it by the route (see the router). */
export function requestDetailQuery(id: string) {
  return {
    queryKey: queryKeys.request(id),
    queryFn: () => unwrap(api.GET('/requests/{id}', { params: { path: { id } } })),
  };
}

export function useRequestDetail(id: string) {
  return useQuery(requestDetailQuery(id));
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

/**
 * The time zone a request type's dates are shown in, for lists whose rows carry no zone of their
 * own: its definition's jurisdiction names a working calendar, and the API's calendar names the
 * zone (UTC without one, as the API itself counts). A request's own view carries `timeZone`.
 */
export function useTimeZoneOfDefinition(): (definitionKey: string) => string {
  const definitions = useDefinitions();
  const calendars = useQuery({
    queryKey: queryKeys.calendars,
    staleTime: Infinity,
    // The OpenAPI document leaves calendars open; their shape is the domain's calendar type.
    queryFn: async () => (await unwrap(api.GET('/calendars'))) as unknown as WorkingCalendar[],
  });
  return (definitionKey) => {
    const jurisdiction = definitions.data?.find((d) => d.key === definitionKey)?.jurisdiction;
    return calendars.data?.find((c) => c.id === jurisdiction)?.timeZone ?? 'UTC';
  };
}
