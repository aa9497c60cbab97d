import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RequestDetailView } from '../requests/request.views';

/** OpenAPI shapes of the auditor's answers, so the generated web client is typed. */
export class TimelineEntryView {
  @ApiProperty({ description: 'ISO-8601 UTC' }) at!: string;
  @ApiProperty({ enum: ['temporal', 'log'] }) source!: 'temporal' | 'log';
  @ApiPropertyOptional({ type: String, nullable: true }) runId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Temporal event id' }) eventId!: number | null;
  @ApiProperty({ description: 'Temporal event type, or the recorded transition event' }) type!: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Transition seq (log entries)' }) seq!:
    number | null;
  @ApiProperty() summary!: string;
}

export class AuditIssueView {
  @ApiProperty() requestId!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) seq!: number | null;
  @ApiProperty({ example: 'hash-mismatch' }) kind!: string;
  @ApiProperty() message!: string;
}

export class CaseVerificationView {
  @ApiProperty() requestId!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ description: 'Chain intact, log matches history, recomputed state matches' }) ok!: boolean;
  @ApiProperty() transitions!: number;
  @ApiProperty() runs!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) status!: string | null;
  @ApiProperty({ type: [AuditIssueView] }) issues!: AuditIssueView[];
  @ApiProperty({ type: [String], description: 'What could not be checked; does not fail the case' })
  warnings!: string[];
}

export class ReplayOutcomeView {
  @ApiProperty() workflowId!: string;
  @ApiProperty() runId!: string;
  @ApiProperty() deterministic!: boolean;
  @ApiPropertyOptional() divergence?: string;
  @ApiPropertyOptional() errorType?: string;
}

export class ReplayResultView {
  @ApiProperty() requestId!: string;
  @ApiProperty() deterministic!: boolean;
  @ApiProperty({ type: [ReplayOutcomeView] }) runs!: ReplayOutcomeView[];
}

export class ExportFileView {
  @ApiProperty() name!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() transitions!: number;
}

export class ExportResultView {
  @ApiProperty({ description: 'What `npm run audit -- verify-export` checks the files against' })
  manifest!: Record<string, unknown>;
  @ApiProperty({
    description: 'File name to content (JSON Lines and/or CSV)',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  files!: Record<string, string>;
}

export class AccessLogEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) occurredAt!: string;
  @ApiProperty({ example: 'authorization' }) kind!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actorId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorRole!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorDepartment!: string | null;
  @ApiProperty() route!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) action!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() correlationId!: string;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) details!: object | null;
}

export class CheckpointEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() requestCount!: number;
  @ApiProperty() transitionCount!: number;
  @ApiProperty() merkleRoot!: string;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty() signature!: string;
}

export class CheckpointVerificationView {
  @ApiProperty() checkpoints!: number;
  @ApiProperty() headsChecked!: number;
  @ApiProperty() uncoveredCases!: number;
  @ApiProperty({ type: [AuditIssueView] }) issues!: AuditIssueView[];
}

export class CaseViewAsOf {
  @ApiProperty({ description: 'The last transition the view includes (a batch is recorded, and seen, whole)' })
  seq!: number;
  @ApiProperty({ description: 'ISO-8601 UTC: when that transition occurred; clocks are read at this instant' })
  at!: string;
  @ApiProperty({ description: 'Transitions recorded for the case in all' }) totalTransitions!: number;
  @ApiProperty({ type: RequestDetailView, description: "The applicant's status page as it stood then" })
  view!: RequestDetailView;
}
