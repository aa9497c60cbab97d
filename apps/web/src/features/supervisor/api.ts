import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Breach = Schemas['BreachView'];
export type StepTimeUse = Schemas['StepTimeUseView'];

export const supervisionKeys = {
  breaches: (department?: string) => ['supervision', 'breaches', department ?? ''] as const,
  timeUse: (department?: string) => ['supervision', 'time-use', department ?? ''] as const,
};

export function useBreaches(department?: string) {
  return useQuery({
    queryKey: supervisionKeys.breaches(department),
    queryFn: () => unwrap(api.GET('/supervision/breaches', { params: { query: { department } } })),
  });
}

export function useTimeUse(department?: string) {
  return useQuery({
    queryKey: supervisionKeys.timeUse(department),
    queryFn: () => unwrap(api.GET('/supervision/time-use', { params: { query: { department } } })),
  });
}
