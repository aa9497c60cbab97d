import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type DefinitionGraph = Schemas['DefinitionGraphView'];
export type GraphStep = Schemas['GraphStepView'];
export type GraphEdge = Schemas['GraphEdgeView'];
export type Definition = Schemas['DefinitionView'];

export const adminKeys = {
  definitions: ['definitions'] as const,
  versions: (key: string) => ['definitions', key, 'versions'] as const,
  graph: (key: string, version: number) => ['definitions', key, version, 'graph'] as const,
};

export function useLatestDefinitions() {
  return useQuery({ queryKey: adminKeys.definitions, queryFn: () => unwrap(api.GET('/definitions')) });
}

export function useVersions(key: string | undefined) {
  return useQuery({
    queryKey: adminKeys.versions(key ?? ''),
    enabled: key !== undefined,
    queryFn: () => unwrap(api.GET('/definitions/{key}/versions', { params: { path: { key: key ?? '' } } })),
  });
}

export function useGraph(key: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: adminKeys.graph(key ?? '', version ?? 0),
    enabled: key !== undefined && version !== undefined,
    staleTime: Infinity,
    queryFn: () =>
      unwrap(
        api.GET('/definitions/{key}/versions/{version}/graph', {
          params: { path: { key: key ?? '', version: version ?? 0 } },
        }),
      ),
  });
}
