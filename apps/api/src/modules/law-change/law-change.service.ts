import { AuditService, ImpactLine } from '@onewindow/audit';
import { AppConfig } from '@onewindow/config';
import { Actor, ProcessDefinition } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, httpStatusOf } from '../../core/errors/api-error';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { KEY } from '../requests/case-actions.dto';
import { CaseActionsService } from '../requests/case-actions.service';
import { ImpactDto, MigrateDto } from './law-change.dto';
import { MigrationResult, MigrationView } from './law-change.views';

const DEFAULT_LIMIT = 1_000;
const DEFAULT_TIMEOUT_SECONDS = 30;
// Time kept back from the request deadline to write the summary (and, for migrations, the last result).
const MARGIN_MS = 2_000;
const MIGRATION_PAGE = 1_000;

/**
 * A law change: what a candidate version would do to a definition's cases (the auditor's reconstruction and
 * the reducer, streamed), and the migration of chosen running cases to a published version, each through its
 * own workflow as a `migrate-definition` Update, so the reducer decides and the chain records it.
 */
@Injectable()
export class LawChangeService {
  constructor(
    private readonly audit: AuditService,
    private readonly catalog: DefinitionCatalogService,
    private readonly actions: CaseActionsService,
    private readonly config: AppConfig,
  ) {}

  /** Validates the request (4xx before anything streams) and returns the report's lines. */
  async impact(actor: Actor, dto: ImpactDto): Promise<AsyncGenerator<ImpactLine>> {
    const candidate = await this.candidate(dto);
    const closedFrom = dto.closedFrom === undefined ? undefined : new Date(dto.closedFrom);
    const closedTo = dto.closedTo === undefined ? undefined : new Date(dto.closedTo);
    if (closedFrom && closedTo && closedFrom >= closedTo) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'closedFrom must be before closedTo');
    }
    const bounded = closedFrom !== undefined || closedTo !== undefined;
    const started = Date.now();
    const timeout = (dto.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    return this.audit.impact({
      candidate,
      mapping: mappingOf(dto.mapping),
      scope: { key: dto.key, running: dto.running ?? !bounded, closedFrom, closedTo },
      offset: dto.offset ?? 0,
      limit: dto.limit ?? DEFAULT_LIMIT,
      at: new Date(started).toISOString(),
      // The report shows what a migration would do, and migrating is an administrator's: a supervisor sees the same.
      actor: { ...actor, role: 'administrator' },
      deadline: Math.min(started + timeout, this.requestDeadline(started)),
    });
  }

  /**
   * Moves running cases to a published version, one Update each (its id derived from the case and the version,
   * so a repeated or resumed run finds the work done): refusals are reported per case and change nothing.
   * Cases left when the request's time runs out are listed as `remaining`, to send again.
   */
  async migrate(actor: Actor, key: string, dto: MigrateDto): Promise<MigrationView> {
    if (!KEY.test(key)) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'key must be a lower-case key');
    if (!dto.requestIds === !dto.onlyChanged) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'give either requestIds or onlyChanged: true');
    }
    const target = await this.catalog.definition(key, dto.version);
    const mapping = mappingOf(dto.mapping);
    const started = Date.now();
    const deadline = this.requestDeadline(started);
    const ids = dto.requestIds ?? (await this.changedRunningCases(actor, target, mapping, deadline));
    const draft = { type: 'migrate-definition' as const, definition: target, mapping, reason: dto.reason };
    const results: MigrationResult[] = [];
    const remaining: string[] = [];
    for (const requestId of ids) {
      if (Date.now() >= deadline) {
        remaining.push(requestId);
        continue;
      }
      results.push(await this.migrateOne(actor, requestId, target, draft));
    }
    const count = (result: MigrationResult['result']) => results.filter((r) => r.result === result).length;
    return {
      to: { key, version: target.version },
      migrated: count('migrated'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      results,
      remaining,
    };
  }

  private async migrateOne(
    actor: Actor,
    requestId: string,
    target: ProcessDefinition,
    draft: {
      type: 'migrate-definition';
      definition: ProcessDefinition;
      mapping?: Record<string, string>;
      reason: string;
    },
  ): Promise<MigrationResult> {
    const row = await this.audit.log.request(requestId);
    if (row && row.definitionKey !== target.key) {
      return refused(
        requestId,
        new ApiError(ApiErrorCode.UNPROCESSABLE, `The case runs '${row.definitionKey}', not '${target.key}'`),
      );
    }
    if (row && row.definitionVersion === target.version) return { requestId, result: 'unchanged', status: 200 };
    const updateKey = `migrate:${target.key}:v${target.version}:${requestId}`;
    const outcome = await this.actions.tryAct(actor, requestId, draft, updateKey);
    if (outcome.ok) return { requestId, result: 'migrated', status: 200 };
    return refused(requestId, outcome.error);
  }

  /** The impact report's filter: the running cases the target changes and can carry, reconstructed one by one. */
  private async changedRunningCases(
    actor: Actor,
    target: ProcessDefinition,
    mapping: Record<string, string> | undefined,
    deadline: number,
  ): Promise<string[]> {
    const chosen: string[] = [];
    const at = new Date().toISOString();
    for await (const line of this.audit.impact({
      candidate: target,
      mapping,
      scope: { key: target.key, running: true },
      offset: 0,
      limit: MIGRATION_PAGE,
      at,
      actor,
      deadline: deadline - (deadline - Date.now()) / 2,
    })) {
      if (line.type === 'case' && line.changed && !line.cannotCarry) chosen.push(line.requestId);
    }
    return chosen;
  }

  private async candidate(dto: ImpactDto): Promise<ProcessDefinition> {
    if ((dto.version === undefined) === (dto.candidate === undefined)) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'give either version (published) or candidate (a draft)');
    }
    const candidate = dto.candidate
      ? this.catalog.valid(dto.candidate)
      : await this.catalog.definition(dto.key, dto.version!);
    if (candidate.key !== dto.key) {
      throw new ApiError(ApiErrorCode.UNPROCESSABLE, `The candidate is '${candidate.key}', not '${dto.key}'`);
    }
    return candidate;
  }

  /** When the API's own deadline for this request (REQUEST_DEADLINE_SECONDS) leaves just enough to answer. */
  private requestDeadline(started: number): number {
    return started + this.config.REQUEST_DEADLINE_SECONDS * 1000 - MARGIN_MS;
  }
}

function mappingOf(mapping: Record<string, string> | undefined): Record<string, string> | undefined {
  if (mapping === undefined) return undefined;
  const entries = Object.entries(mapping);
  if (entries.length > 200) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'mapping: at most 200 steps');
  for (const [from, to] of entries) {
    if (!KEY.test(from) || typeof to !== 'string' || !KEY.test(to)) {
      throw new ApiError(
        ApiErrorCode.VALIDATION_FAILED,
        `mapping: '${from}' → '${String(to)}' must map a step id to a step id`,
      );
    }
  }
  return entries.length > 0 ? mapping : undefined;
}

function refused(requestId: string, error: ApiError): MigrationResult {
  return { requestId, result: 'refused', status: httpStatusOf(error.code), code: error.code, message: error.message };
}
