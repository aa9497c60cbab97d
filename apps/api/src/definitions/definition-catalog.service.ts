import {
  builtInCalendars,
  builtInDefinitions,
  ProcessContext,
  ProcessDefinition,
  WorkingCalendar,
} from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/** The process definitions and calendars cases can start on; each version is an immutable snapshot. */
@Injectable()
export class DefinitionCatalogService {
  private readonly definitions: ProcessDefinition[] = [...builtInDefinitions];
  private readonly calendars: WorkingCalendar[] = [...builtInCalendars];

  list(): ProcessDefinition[] {
    return this.definitions;
  }

  /** The latest version of a definition together with its jurisdiction's calendar. */
  latestContext(key: string): ProcessContext {
    const versions = this.definitions.filter((d) => d.key === key);
    if (versions.length === 0) throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Unknown process definition '${key}'`);
    const definition = versions.reduce((a, b) => (b.version > a.version ? b : a));
    return { definition, calendar: this.calendar(definition.jurisdiction) };
  }

  context(key: string, version: number): ProcessContext {
    const definition = this.definitions.find((d) => d.key === key && d.version === version);
    if (!definition) throw new ApiError(ApiErrorCode.NOT_FOUND, `No definition '${key}' version ${version}`);
    return { definition, calendar: this.calendar(definition.jurisdiction) };
  }

  private calendar(id: string): WorkingCalendar {
    const calendar = this.calendars.find((c) => c.id === id);
    if (!calendar) throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Unknown calendar '${id}'`);
    return calendar;
  }
}
