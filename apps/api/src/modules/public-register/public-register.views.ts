import type { LocalizedText } from '@onewindow/domain';
import type { PublishedApplicationRow } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One case on the public register: what anyone may know of it, never who applied. */
export class PublishedApplicationSummaryView {
  @ApiProperty() reference!: string;
  @ApiProperty({ description: 'The process key (the ODP applicationType)' }) applicationType!: string;
  @ApiProperty({ type: String, description: "The process's name, in the reader's language" })
  process!: LocalizedText;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) siteAddress!: string | null;
  @ApiProperty({ description: 'The case status now' }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The decision, once decided' })
  decision!: string | null;
  @ApiProperty({ description: 'ISO-8601 UTC' }) receivedAt!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) publishedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601 UTC' }) decidedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'While the public may comment: until when (ISO-8601 UTC); null otherwise',
  })
  commentsOpenUntil!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Once the comment period has ended: when it ended (ISO-8601 UTC); null while open or without one',
  })
  commentsEndedAt!: string | null;
  @ApiProperty({
    description: "The IANA time zone of the case's jurisdiction: its days, and so its periods, are counted in it",
    example: 'Europe/London',
  })
  timeZone!: string;
}

export class RegisterPageView {
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [PublishedApplicationSummaryView] }) items!: PublishedApplicationSummaryView[];
}

/**
 * How the published copy is checked against the record: `json` is the canonical JSON that was published; its
 * SHA-256 is `sha256`, which the case's `case.published` transition (seq `seq`) records with `sourceHash`.
 */
export class PublicationProofView {
  @ApiProperty({ description: 'The published copy as canonical JSON (keys sorted, no whitespace), byte for byte' })
  json!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the UTF-8 bytes of `json`' }) sha256!: string;
  @ApiProperty({ description: 'Hash of the chain entry the publication was made from' }) sourceHash!: string;
  @ApiProperty({ description: 'Sequence number of the publication transition on the case chain' }) seq!: number;
  @ApiProperty() algorithm!: string;
}

export class PublishedApplicationView extends PublishedApplicationSummaryView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The published copy (labels in the reader’s language)',
  })
  document!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'The public attributes of the case',
  })
  attributes!: Record<string, string | number | boolean>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "Each public attribute's label, in the reader's language",
  })
  attributeLabels!: Record<string, LocalizedText>;
  @ApiProperty({ type: PublicationProofView }) publication!: PublicationProofView;
}

/** The jurisdiction the published copy names, whose calendar gives the case its time zone. */
export function jurisdictionOf(row: PublishedApplicationRow): string {
  return (row.document.data as { localPlanningAuthority: { jurisdiction: string } }).localPlanningAuthority
    .jurisdiction;
}

export function toSummaryView(
  row: PublishedApplicationRow,
  timeZone: string,
  now = new Date(),
): PublishedApplicationSummaryView {
  const metadata = row.document.metadata as { definition: { title: LocalizedText } };
  const commentsUntil = row.commentsUntil ? new Date(row.commentsUntil) : null;
  return {
    reference: row.reference,
    applicationType: row.definitionKey,
    process: metadata.definition.title,
    description: row.description,
    siteAddress: row.siteAddress,
    status: row.status,
    decision: row.decision,
    receivedAt: new Date(row.receivedAt).toISOString(),
    publishedAt: new Date(row.publishedAt).toISOString(),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    commentsOpenUntil: commentsUntil && commentsUntil > now ? commentsUntil.toISOString() : null,
    commentsEndedAt: commentsUntil && commentsUntil <= now ? commentsUntil.toISOString() : null,
    timeZone,
  };
}

export function toDetailView(
  row: PublishedApplicationRow,
  timeZone: string,
  canonical: string,
  attributeLabels: Record<string, LocalizedText>,
): PublishedApplicationView {
  const submission = row.document.submission as { attributes: Record<string, string | number | boolean> };
  return {
    ...toSummaryView(row, timeZone),
    document: row.document,
    attributes: submission.attributes,
    attributeLabels: Object.fromEntries(
      Object.keys(submission.attributes).flatMap((key) => (attributeLabels[key] ? [[key, attributeLabels[key]]] : [])),
    ),
    publication: {
      json: canonical,
      sha256: row.sha256,
      sourceHash: row.sourceHash,
      seq: row.seq,
      algorithm: 'sha256(utf8(canonical JSON))',
    },
  };
}
