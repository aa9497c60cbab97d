import type { CaseDocument, DocumentTypeDefinition, DocumentVersion, LocalizedText } from '@onewindow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_ACTION_TYPES, type DocumentActionType } from '../requests/legal-actions';

export class UploaderView {
  @ApiProperty() id!: string;
  @ApiProperty() role!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) department!: string | null;
}

export class DocumentVersionView {
  @ApiProperty() documentType!: string;
  @ApiProperty({ description: '1, 2, 3…; the highest is current' }) version!: number;
  @ApiProperty({ description: 'Sanitised file name' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the content (hex)' }) sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'Sniffed from the content' }) contentType!: string;
  @ApiProperty({ type: UploaderView }) uploadedBy!: { id: string; role: string; department: string | null };
  @ApiProperty({ description: 'ISO-8601 UTC' }) uploadedAt!: string;
  @ApiProperty({ enum: ['submission', 'information-answer', 'staff'] }) context!: string;
  @ApiProperty({ description: 'Where to download this version' }) href!: string;
}

export class DocumentView {
  @ApiProperty() documentType!: string;
  @ApiProperty({ type: String, description: "In the reader's language" }) title!: LocalizedText;
  @ApiProperty({ type: [String], description: 'Steps that need this document on file' }) requiredAt!: string[];
  @ApiPropertyOptional({ type: DocumentVersionView, nullable: true, description: 'What every reviewer sees' })
  current!: DocumentVersionView | null;
  @ApiProperty({ type: [DocumentVersionView], description: 'Every version, oldest first' })
  versions!: DocumentVersionView[];
}

export class DocumentListView {
  @ApiProperty({ type: [DocumentView] }) items!: DocumentView[];
}

export function toVersionView(requestId: string, type: string, v: DocumentVersion): DocumentVersionView {
  return {
    documentType: type,
    version: v.version,
    fileName: v.fileName,
    sha256: v.sha256,
    size: v.size,
    contentType: v.contentType,
    uploadedBy: { id: v.uploadedBy.id, role: v.uploadedBy.role, department: v.uploadedBy.department ?? null },
    uploadedAt: v.uploadedAt,
    context: v.context,
    href: `/requests/${requestId}/documents/${type}/versions/${v.version}`,
  };
}

/** Every declared type, with what is on file (types no longer declared but on file are listed too). */
export function toDocumentList(
  requestId: string,
  declared: DocumentTypeDefinition[],
  onFile: CaseDocument[],
): DocumentListView {
  const types = [...declared];
  for (const doc of onFile) if (!types.some((t) => t.key === doc.type)) types.push({ key: doc.type, title: doc.type });
  return {
    items: types.map((t) => {
      const versions = (onFile.find((d) => d.type === t.key)?.versions ?? []).map((v) =>
        toVersionView(requestId, t.key, v),
      );
      return {
        documentType: t.key,
        title: t.title,
        requiredAt: t.requiredAt ?? [],
        current: versions[versions.length - 1] ?? null,
        versions,
      };
    }),
  };
}

export class IssuedRenditionView {
  @ApiProperty({ enum: ['en', 'zh-CN'] }) language!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF (hex)' }) sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'Where to download it' }) href!: string;
}

/** A document the case issued: numbered, signed, in every served language. */
export class IssuedDocumentView {
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: ['receipt', 'information-notice', 'extension-notice', 'decision-notice', 'permit'] })
  kind!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ description: 'Printed with the QR code; /verify/<code> checks it' }) verificationCode!: string;
  @ApiProperty({ description: 'ISO-8601 UTC' }) issuedAt!: string;
  @ApiProperty({ enum: ['valid', 'varied', 'suspended', 'revoked', 'expired'] }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the status last changed' })
  statusReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601 UTC' }) statusAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The verification code of the newer version' })
  supersededBy!: string | null;
  @ApiProperty({ enum: DOCUMENT_ACTION_TYPES, isArray: true, description: 'The changes the caller may make now' })
  actions!: DocumentActionType[];
  @ApiProperty() templateVersion!: number;
  @ApiProperty({ type: [IssuedRenditionView] }) renditions!: IssuedRenditionView[];
}
