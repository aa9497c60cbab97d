import { AppConfig, StartupError } from '@onewindow/config';
import {
  Actor,
  builtInCalendars,
  builtInDefinitions,
  checkPublication,
  definitionGraph,
  DefinitionGraph,
  ProcessContext,
  ProcessDefinition,
  validateCalendar,
  validateDefinition,
  WorkingCalendar,
} from '@onewindow/domain';
import { ConsulteeRepository, DefinitionRepository } from '@onewindow/persistence';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { CalendarRecountService, RecountResult } from './calendar-recount.service';
import { withUtcOffsets } from './zone-offsets';
import { AttributesValidator } from './attributes-validator';

const DEFINITION_FILE = /\.definition\.json$/;
const CALENDAR_FILE = /\.calendar\.json$/;
const BUNDLED_BY = 'onewindow';
/** How long a process keeps a calendar before reading its latest revision again. */
const CALENDAR_TTL_MS = 5_000;

/**
 * The process definitions and calendars cases start on. Every version is an immutable snapshot in
 * PostgreSQL; a new case takes the latest version and carries it in its workflow input.
 */
@Injectable()
export class DefinitionCatalogService implements OnModuleInit {
  private readonly logger = new Logger(DefinitionCatalogService.name);
  /** Published versions never change, so once read they can be kept. */
  private readonly versionCache = new Map<string, ProcessDefinition>();
  /**
   * Calendars get new revisions, possibly through another process; every status page reads one,
   * so each is kept for a few seconds (a revision published here replaces it at once).
   */
  private readonly calendarCache = new Map<string, { calendar: WorkingCalendar; readAt: number }>();

  constructor(
    private readonly repository: DefinitionRepository,
    private readonly config: AppConfig,
    private readonly recount: CalendarRecountService,
    private readonly attributes: AttributesValidator,
    private readonly consultees: ConsulteeRepository,
  ) {}

  /** Publishes the built-ins and the files in DEFINITIONS_DIR that are not published yet. */
  async onModuleInit(): Promise<void> {
    const files = await this.readDefinitionFiles();
    for (const calendar of [...builtInCalendars, ...files.calendars]) {
      const latest = await this.repository.latestCalendar(calendar.id);
      if (!latest) await this.repository.publishCalendar(calendar, BUNDLED_BY);
      else if (reachesFurther(calendar, latest.calendar)) {
        // A deployment shipping a calendar that covers more years publishes it as a new revision.
        const revision = await this.repository.publishCalendar(calendar, BUNDLED_BY);
        if (revision) void this.recount.signalRunningCases(calendar, revision);
      }
    }
    for (const definition of [...builtInDefinitions, ...files.definitions]) {
      await this.repository.publish(definition, BUNDLED_BY);
    }
  }

  /** The latest version of each definition. */
  async list(): Promise<ProcessDefinition[]> {
    const latest = new Map<string, ProcessDefinition>();
    for (const row of await this.repository.all()) latest.set(row.key, row.definition);
    return [...latest.values()];
  }

  async versions(key: string): Promise<ProcessDefinition[]> {
    const rows = await this.repository.versions(key);
    if (rows.length === 0) throw new ApiError(ApiErrorCode.NOT_FOUND, `No process definition '${key}'`);
    return rows.map((row) => row.definition);
  }

  async definition(key: string, version: number): Promise<ProcessDefinition> {
    const cacheKey = `${key}@${version}`;
    const cached = this.versionCache.get(cacheKey);
    if (cached) return cached;
    const row = await this.repository.find(key, version);
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, `No definition '${key}' version ${version}`);
    this.versionCache.set(cacheKey, row.definition);
    return row.definition;
  }

  async graph(key: string, version: number): Promise<DefinitionGraph> {
    return definitionGraph(await this.definition(key, version));
  }

  /** The latest version of a definition together with its jurisdiction's calendar: what a new case starts on. */
  async latestContext(key: string): Promise<ProcessContext> {
    const row = await this.repository.latest(key);
    if (!row) throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Unknown process definition '${key}'`);
    return { definition: row.definition, calendar: await this.calendar(row.definition.jurisdiction) };
  }

  async context(key: string, version: number): Promise<ProcessContext> {
    const definition = await this.definition(key, version);
    return { definition, calendar: await this.calendar(definition.jurisdiction) };
  }

  /** Validates and publishes a new version; running cases keep the version they started on. */
  async publish(actor: Actor, input: unknown): Promise<ProcessDefinition> {
    const definition = this.valid(input);
    const published = (await this.repository.versions(definition.key)).map((row) => row.definition);
    const conflicts = checkPublication(published, definition);
    if (conflicts.length > 0) throw new ApiError(ApiErrorCode.CONFLICT, conflicts[0], conflicts);
    await this.calendar(definition.jurisdiction);
    await this.checkConsultees(definition);
    if (!(await this.repository.publish(definition, actor.id))) {
      throw new ApiError(ApiErrorCode.CONFLICT, `'${definition.key}' v${definition.version} was published meanwhile`);
    }
    this.logger.log({ msg: 'definition published', key: definition.key, version: definition.version, by: actor.id });
    return definition;
  }

  /** Every consultee a definition names is in the consultee directory (its invitations need an address). */
  private async checkConsultees(definition: ProcessDefinition): Promise<void> {
    const known = new Set((await this.consultees.list()).map((o) => o.key));
    const faults = definition.steps.flatMap((step, i) =>
      'consultees' in step
        ? (step.consultees ?? []).flatMap((c, j) =>
            known.has(c.organisation)
              ? []
              : [
                  {
                    path: `steps[${i}].consultees[${j}].organisation`,
                    message: `'${c.organisation}' is not in the consultee directory`,
                  },
                ],
          )
        : [],
    );
    if (faults.length > 0) {
      throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Invalid definition: ${faults[0].path}: ${faults[0].message}`, {
        faults,
      });
    }
  }

  /** A definition as publishing would accept it (a draft too); 422 names every fault. */
  valid(input: unknown): ProcessDefinition {
    const validated = validateDefinition(input, { everyLanguage: true });
    if (!validated.ok) {
      throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Invalid definition: ${validated.errors[0]}`, {
        faults: validated.faults,
      });
    }
    const { definition } = validated;
    const schemaFaults = definition.attributesSchema ? this.attributes.schemaFaults(definition.attributesSchema) : [];
    if (schemaFaults.length > 0) {
      const [first] = schemaFaults;
      throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Invalid definition: ${first.path}: ${first.message}`, {
        faults: schemaFaults,
      });
    }
    return definition;
  }

  async calendars(): Promise<WorkingCalendar[]> {
    return (await this.repository.calendars()).map((row) => row.calendar);
  }

  /** A calendar asked for by its id: 404 when there is none (a definition naming one is a 422 instead). */
  async publishedCalendar(id: string): Promise<WorkingCalendar> {
    try {
      return await this.calendar(id);
    } catch (error) {
      if (error instanceof ApiError && error.code === ApiErrorCode.UNPROCESSABLE) {
        throw new ApiError(ApiErrorCode.NOT_FOUND, error.message);
      }
      throw error;
    }
  }

  async calendar(id: string): Promise<WorkingCalendar> {
    const cached = this.calendarCache.get(id);
    if (cached && Date.now() - cached.readAt < CALENDAR_TTL_MS) return cached.calendar;
    const row = await this.repository.latestCalendar(id);
    if (!row) throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Unknown calendar '${id}'`);
    this.calendarCache.set(id, { calendar: row.calendar, readAt: Date.now() });
    return row.calendar;
  }

  /** Publishes a new revision of a calendar; cases already running keep the one they started with. */
  async publishCalendar(
    actor: Actor,
    input: unknown,
  ): Promise<{ calendar: WorkingCalendar; revision: number; runningCases: RecountResult }> {
    const zoned = withUtcOffsets(input);
    const validated =
      zoned.errors.length > 0 ? { ok: false as const, errors: zoned.errors } : validateCalendar(zoned.calendar);
    if (!validated.ok) {
      throw new ApiError(ApiErrorCode.UNPROCESSABLE, `Invalid calendar: ${validated.errors[0]}`, validated.errors);
    }
    const revision = await this.repository.publishCalendar(validated.calendar, actor.id);
    this.calendarCache.delete(validated.calendar.id);
    const runningCases = await this.recount.signalRunningCases(validated.calendar, revision!);
    return { calendar: validated.calendar, revision: revision!, runningCases };
  }

  /** Definition and calendar files bundled with a deployment; an invalid file stops the start with its faults. */
  private async readDefinitionFiles(): Promise<{ definitions: ProcessDefinition[]; calendars: WorkingCalendar[] }> {
    const dir = resolve(this.config.DEFINITIONS_DIR);
    const result = { definitions: [] as ProcessDefinition[], calendars: [] as WorkingCalendar[] };
    if (!existsSync(dir)) throw new StartupError('DEFINITIONS_DIR', `No folder of definitions at ${dir}`);
    for (const name of (await readdir(dir)).sort()) {
      const isDefinition = DEFINITION_FILE.test(name);
      if (!isDefinition && !CALENDAR_FILE.test(name)) continue;
      const file = join(dir, name);
      const content: unknown = JSON.parse(await readFile(file, 'utf8'));
      const invalid = (errors: string[]) => new Error(`${file} is invalid:\n  ${errors.join('\n  ')}`);
      if (isDefinition) {
        const validated = validateDefinition(content, { everyLanguage: true });
        if (!validated.ok) throw invalid(validated.errors);
        result.definitions.push(validated.definition);
      } else {
        const zoned = withUtcOffsets(content);
        if (zoned.errors.length > 0) throw invalid(zoned.errors);
        const validated = validateCalendar(zoned.calendar);
        if (!validated.ok) throw invalid(validated.errors);
        result.calendars.push(validated.calendar);
      }
    }
    return result;
  }
}

/** A bundled calendar whose coverage ends later than the published one's (or that adds a time zone). */
function reachesFurther(bundled: WorkingCalendar, published: WorkingCalendar): boolean {
  if (bundled.timeZone !== undefined && published.timeZone === undefined) return true;
  if (bundled.utcOffsets !== undefined && published.utcOffsets === undefined) return true;
  const to = (c: WorkingCalendar) => c.coverage?.to ?? '';
  return to(bundled) > to(published);
}
