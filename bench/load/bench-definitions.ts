import { landUseDefinition, ProcessDefinition } from '@onewindow/domain';
import type { HttpClient } from './http-client';

/** How long the bench's land-use consultation period lasts instead of 21 days. */
export const BENCH_CONSULTATION_SECONDS = 1;

/**
 * The built-in land-use definition with its 21-day consultation and public notice period shortened to
 * seconds, so a run can wait it out; every other step is unchanged.
 */
export const benchLandUseDefinition: ProcessDefinition = {
  ...landUseDefinition,
  version: landUseDefinition.version + 1,
  steps: landUseDefinition.steps.map((step) =>
    step.id === 'consultation'
      ? {
          ...step,
          title: 'Consultation (bench: seconds)',
          duration: { value: BENCH_CONSULTATION_SECONDS, unit: 'seconds' },
        }
      : step,
  ),
};

/** Publishes it as the next version through the administrators' API, as any new version is published. */
export async function publishBenchDefinitions(http: HttpClient): Promise<void> {
  const published = await http.as('admin', 'POST', '/definitions', { definition: benchLandUseDefinition });
  if (published.status < 200 || published.status >= 300) {
    throw new Error(
      `Publishing the bench's land-use version answered ${published.status}: ${JSON.stringify(published.body)}`,
    );
  }
}
