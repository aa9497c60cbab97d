import { quarterlyPerformance, type ProcessDefinition, type WorkingCalendar } from '@onewindow/domain';
import { PublicRegisterRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { PerformanceView } from './performance.views';

/** How long counted figures are served before the log is read again: anyone may ask, as often as they like. */
const FRESH_MS = 5_000;

/** Published performance, counted from the transition log: figures only, never a case. */
@Injectable()
export class PerformanceService {
  private counted?: { at: number; view: Promise<PerformanceView> };

  constructor(
    private readonly register: PublicRegisterRepository,
    private readonly catalog: DefinitionCatalogService,
  ) {}

  performance(): Promise<PerformanceView> {
    if (!this.counted || Date.now() - this.counted.at > FRESH_MS) {
      const view = this.count();
      this.counted = { at: Date.now(), view };
      // A failed count is not served again.
      view.catch(() => (this.counted = undefined));
    }
    return this.counted.view;
  }

  private async count(): Promise<PerformanceView> {
    const definitions = new Map<string, ProcessDefinition>((await this.catalog.list()).map((d) => [d.key, d]));
    const cases = (await this.register.caseTimes()).filter((c) => definitions.has(c.definitionKey));
    const calendars = new Map<string, WorkingCalendar>();
    for (const jurisdiction of new Set([...definitions.values()].map((d) => d.jurisdiction))) {
      calendars.set(jurisdiction, await this.catalog.calendar(jurisdiction));
    }
    const calendarOf = (key: string) => calendars.get(definitions.get(key)!.jurisdiction)!;
    return {
      quarters: quarterlyPerformance(cases, calendarOf).map((q) => ({
        ...q,
        process: definitions.get(q.definitionKey)!.title,
      })),
    };
  }
}
