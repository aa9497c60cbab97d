import { AppConfig, StartupError } from '@onewindow/config';
import { Client } from '@temporalio/client';

/** How long one probe of Temporal may take at start, and the pause between probes. */
const PROBE_MS = 5_000;
const PAUSE_MS = 1_000;

export type ProbeResult = { answered: true } | { answered: false; error: unknown };

/** Whether Temporal's frontend answers within `withinMs`, and what it said when it did not. */
export async function probeTemporal(client: Client, withinMs: number): Promise<ProbeResult> {
  try {
    await client.withDeadline(Date.now() + withinMs, () => client.connection.workflowService.getSystemInfo({}));
    return { answered: true };
  } catch (error) {
    return { answered: false, error };
  }
}

/**
 * Resolves once Temporal answers at TEMPORAL_ADDRESS, probing until `withinMs` has passed; then fails
 * with an error that names the address and the setting. The connection itself is lazy, so without this
 * a typo in the address looks like an outage until the first call.
 */
export async function reachTemporal(client: Client, config: AppConfig, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    const probe = await probeTemporal(client, Math.max(1, Math.min(PROBE_MS, until - Date.now())));
    if (probe.answered) return;
    if (Date.now() + PAUSE_MS >= until) {
      const cause = (probe.error instanceof Error ? probe.error.message : String(probe.error)).split('\n')[0];
      throw new StartupError(
        'TEMPORAL_ADDRESS',
        `Cannot reach Temporal at ${config.temporalAddress} within ${Math.round(withinMs / 1000)} s: ${cause}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
