import type { PublicCommentRow } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CommentReceivedView {
  @ApiProperty({ enum: ['awaiting-confirmation'] }) status!: 'awaiting-confirmation';
}

export class CommentConfirmedView {
  @ApiProperty({ description: 'The application the confirmed comment is on' }) reference!: string;
}

/** A published comment: its redacted text and how to check it, never who wrote it. */
export class PublishedCommentView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['support', 'neutral', 'object'] }) sentiment!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) publishedAt!: string;
  @ApiProperty({ description: 'The published copy as canonical JSON; its SHA-256 is `sha256`' }) json!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'Sequence number of the publication transition on the case chain' }) seq!: number;
}

/** A comment as the officer sees it: the original, who wrote it, and whether it counts and is published. */
export class StaffCommentView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['support', 'neutral', 'object'] }) sentiment!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'SHA-256 of the text as written' }) textSha256!: string;
  @ApiProperty({ enum: ['unconfirmed', 'confirmed', 'published'] }) status!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedText!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedSha256!: string | null;
}

export function toStaffCommentView(row: PublicCommentRow): StaffCommentView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    sentiment: row.sentiment,
    topics: row.topics,
    text: row.text,
    textSha256: row.textSha256,
    status: row.publishedAt ? 'published' : row.confirmedAt ? 'confirmed' : 'unconfirmed',
    createdAt: new Date(row.createdAt).toISOString(),
    publishedText: row.publishedText,
    publishedSha256: row.publishedSha256,
  };
}

/** What the officer weighs: the comments that count (email confirmed), by sentiment and by topic. */
export class CommentCountsView {
  @ApiProperty({ description: 'Comments whose email address is confirmed' }) counted!: number;
  @ApiProperty({ description: 'Comments still waiting for their confirmation' }) unconfirmed!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { support: 1, object: 2 } })
  bySentiment!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { traffic: 2 } })
  byTopic!: Record<string, number>;
}

export function countComments(rows: PublicCommentRow[]): CommentCountsView {
  const counted = rows.filter((r) => r.confirmedAt);
  const tally = (keys: string[]) =>
    keys.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {});
  return {
    counted: counted.length,
    unconfirmed: rows.length - counted.length,
    bySentiment: tally(counted.map((r) => r.sentiment)),
    byTopic: tally(counted.flatMap((r) => r.topics)),
  };
}
