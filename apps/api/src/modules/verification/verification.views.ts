import type { IssuedDocumentRow, IssuedDocumentStatus, VerifiedDocumentRow } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RenditionView {
  @ApiProperty({ enum: ['en', 'zh-CN'] }) language!: string;
  @ApiProperty({ description: 'SHA-256 of the issued PDF (hex)' }) sha256!: string;
  @ApiProperty() size!: number;
}

/**
 * What anyone holding a document may learn about it: only what the document itself shows (no applicant,
 * no case data), and its status now.
 */
export class VerificationView {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['receipt', 'information-notice', 'extension-notice', 'decision-notice', 'permit'] })
  kind!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ description: 'The issuing authority' }) issuer!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) issuedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601 UTC' }) validUntil!: string | null;
  @ApiProperty({ enum: ['valid', 'varied', 'suspended', 'revoked', 'expired'] }) status!: IssuedDocumentStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) statusReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601 UTC' }) statusAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The code of the newer version' })
  supersededBy!: string | null;
  @ApiProperty({ type: [RenditionView], description: 'The document in each language it was issued in' })
  renditions!: RenditionView[];
  @ApiProperty({ description: 'The IANA time zone of the issuing jurisdiction, in which the document reads its dates' })
  timeZone!: string;
}

/** A document's status now: one past its validity is expired, whatever it was when issued. */
export function statusNow(
  row: IssuedDocumentRow,
  now: Date,
): Pick<VerificationView, 'status' | 'statusReason' | 'statusAt' | 'supersededBy'> {
  const expired = row.status === 'valid' && row.validUntil !== null && new Date(row.validUntil) <= now;
  return {
    status: expired ? 'expired' : row.status,
    statusReason: row.statusReason,
    statusAt: row.statusAt
      ? new Date(row.statusAt).toISOString()
      : expired
        ? new Date(row.validUntil!).toISOString()
        : null,
    supersededBy: row.supersededBy,
  };
}

export function toVerificationView(row: VerifiedDocumentRow, now: Date): VerificationView {
  return {
    code: row.verificationCode,
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    issuedAt: new Date(row.issuedAt).toISOString(),
    validUntil: row.validUntil ? new Date(row.validUntil).toISOString() : null,
    ...statusNow(row, now),
    renditions: row.renditions.map(({ language, sha256, size }) => ({ language, sha256, size })),
    timeZone: row.timeZone,
  };
}
