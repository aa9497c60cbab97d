import { landUseDefinition, ProcessContext, ProcessDefinition } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { DefinitionCatalogService } from '../../apps/api/src/definitions/definition-catalog.service';

/** How long the bench's land-use consultation period lasts instead of 21 days. */
export const BENCH_CONSULTATION_SECONDS = 1;

/**
 * The built-in land-use definition with its 21-day consultation and public notice period shortened to
 * seconds, published as the next version, so a bench run can wait it out; every other step is unchanged.
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

/** The API's catalog plus the bench's land-use version. */
@Injectable()
export class BenchDefinitionCatalog extends DefinitionCatalogService {
  override latestContext(key: string): ProcessContext {
    const latest = super.latestContext(key);
    return key === benchLandUseDefinition.key ? { ...latest, definition: benchLandUseDefinition } : latest;
  }

  override context(key: string, version: number): ProcessContext {
    if (key !== benchLandUseDefinition.key || version !== benchLandUseDefinition.version) {
      return super.context(key, version);
    }
    return { ...super.latestContext(key), definition: benchLandUseDefinition };
  }
}
