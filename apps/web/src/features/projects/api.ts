import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Project = Schemas['ProjectView'];
export type ProjectSummary = Schemas['ProjectSummaryView'];
export type CreateProject = Schemas['CreateProjectDto'];

export const projectKeys = {
  list: (page: number) => ['projects', 'list', page] as const,
  one: (id: string) => ['projects', id] as const,
};

export function useProjects(page: number) {
  return useQuery({
    queryKey: projectKeys.list(page),
    queryFn: () => unwrap(api.GET('/projects', { params: { query: { page, pageSize: 20 } } })),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: () => unwrap(api.GET('/projects/{id}', { params: { path: { id } } })),
  });
}
