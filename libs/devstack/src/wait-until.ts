import { describeExit, ManagedChild } from './managed-child';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Gives up at once, saying so, when this child ends while waiting for it. */
  child?: ManagedChild;
}

/**
 * Polls `probe` until it gives a value (anything but undefined or false) and returns it. A probe that
 * throws counts as "not yet", and the last such error is named when the time is up.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs, intervalMs = 250, child }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: string | undefined;
  for (;;) {
    // Read before probing: once a child has ended, the probe has seen everything it wrote.
    const exit = child?.exit();
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (exit) throw new Error(`${child!.name} ${describeExit(exit)} while waiting for ${what}`);
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last: ${lastError})` : ''}`,
      );
    }
    await new Promise((wake) => setTimeout(wake, intervalMs));
  }
}
