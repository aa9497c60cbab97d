import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `fn` with `id` as the correlation id of everything it logs or sends on, awaited or not. */
export function withCorrelationId<T>(id: string, fn: () => T): T {
  return scope.run(id, fn);
}

/** The correlation id of the action being handled (an HTTP request, an activity), if any. */
export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}
