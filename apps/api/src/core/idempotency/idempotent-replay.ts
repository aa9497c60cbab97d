import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ replayed: boolean }>();

/** Runs `handle` so that a use case inside it can say its answer repeats an earlier call's effect. */
export function withReplayMarker<T>(marker: { replayed: boolean }, handle: () => T): T {
  return scope.run(marker, handle);
}

/**
 * Called by a use case that found the effect of this very call already in place (for example the
 * Update with the key's id already ran, its answer lost): the response says `Idempotent-Replayed`.
 */
export function markIdempotentReplay(): void {
  const marker = scope.getStore();
  if (marker) marker.replayed = true;
}
