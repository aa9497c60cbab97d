import type { LocalizedText } from '@onewindow/domain';
import type { ConsulteeOrganisationRow } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OrganisationView {
  @ApiProperty() key!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) updatedAt!: string;
}

export function toOrganisationView(row: ConsulteeOrganisationRow): OrganisationView {
  return {
    key: row.key,
    nameEn: row.nameEn,
    nameZh: row.nameZh,
    email: row.email,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export const CONSULTATION_STATUSES = ['invited', 'answered', 'late', 'revoked'] as const;

/** A body's consultation as the officer sees it: its status, due date and, once answered, what it said. */
export class ConsultationView {
  @ApiProperty() organisation!: string;
  @ApiProperty({ type: String, description: "In the reader's language" }) name!: LocalizedText;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: CONSULTATION_STATUSES, description: 'late: answered after its due date' })
  status!: (typeof CONSULTATION_STATUSES)[number];
  @ApiProperty({ description: 'ISO-8601 UTC' }) invitedAt!: string;
  @ApiProperty({ description: 'ISO-8601 UTC, counted by the statutory clocks' }) dueAt!: string;
  @ApiProperty({ description: 'How many links were sent (a re-send makes a new one)' }) links!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) respondedAt!: string | null;
  @ApiPropertyOptional({ enum: ['no-objection', 'comments', 'objection'], nullable: true }) position!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The response transition on the chain' })
  seq!: number | null;
}

/** What a consultee's link opens: whom it is for, on which application, by when, and whether it answered. */
export class ConsulteeInvitationView {
  @ApiProperty({ type: String, description: "The body's name, in the reader's language" })
  organisation!: LocalizedText;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Its public register reference, if published' })
  reference!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) siteAddress!: string | null;
  @ApiProperty({ description: 'ISO-8601 UTC' }) dueAt!: string;
  @ApiProperty({ description: "The jurisdiction's time zone, for reading the due date" }) timeZone!: string;
  @ApiProperty({ enum: ['invited', 'answered'] }) status!: 'invited' | 'answered';
  @ApiPropertyOptional({ type: String, nullable: true }) respondedAt!: string | null;
  @ApiProperty({ description: 'Answered (or answering now would be) after the due date' }) late!: boolean;
}
