import { AppConfig } from '@onewindow/config';
import { BlobStore, CONTENT_TYPES, contentDisposition, sanitizeFileName, storedFileName } from '@onewindow/documents';
import { Actor, CaseState, checkEvent } from '@onewindow/domain';
import { IssuedDocumentRepository } from '@onewindow/persistence';
import { Injectable, StreamableFile } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { toApiError } from '../../core/errors/all-exceptions.filter';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { CaseActionsService } from '../requests/case-actions.service';
import { documentActions } from '../requests/legal-actions';
import { now, RequestsService } from '../requests/requests.service';
import {
  DocumentListView,
  DocumentVersionView,
  IssuedDocumentView,
  toDocumentList,
  toVersionView,
} from './document.views';
import { statusNow } from '../verification/verification.views';
import { receiveUpload } from './multipart-upload';

/** A placeholder for the content while the reducer checks an upload before a byte is stored. */
const UNKNOWN_CONTENT = { sha256: '0'.repeat(64), size: 1, contentType: CONTENT_TYPES.pdf };

/**
 * Documents of a request. An upload is stored (content-addressed) and then recorded as a transition
 * through the workflow, so the hash chain covers it; if the workflow refuses it, the content it
 * brought is removed again.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly config: AppConfig,
    private readonly store: BlobStore,
    private readonly requests: RequestsService,
    private readonly actions: CaseActionsService,
    private readonly catalog: DefinitionCatalogService,
    private readonly issuedDocuments: IssuedDocumentRepository,
  ) {}

  /** The documents the case issued, newest last, each with its status now. */
  async issued(actor: Actor, id: string): Promise<IssuedDocumentView[]> {
    const request = await this.requests.visible(actor, id);
    const rows = await this.issuedDocuments.byRequest(id);
    const ctx = await this.catalog.context(request.definitionKey, request.definitionVersion);
    const at = now();
    return rows.map((row) => {
      const { status, statusReason, statusAt, supersededBy } = statusNow(row, new Date());
      return {
        documentId: row.documentId,
        kind: row.kind,
        number: row.number,
        verificationCode: row.verificationCode,
        issuedAt: new Date(row.issuedAt).toISOString(),
        status,
        statusReason,
        statusAt,
        supersededBy,
        actions: documentActions(ctx, request.state as CaseState, actor, row.documentId, at),
        templateVersion: row.templateVersion,
        renditions: row.renditions.map((r) => ({
          ...r,
          href: `/requests/${id}/documents/issued/${row.verificationCode}/${r.language}`,
        })),
      };
    });
  }

  /** One language's PDF of an issued document, byte for byte as issued. */
  async downloadIssued(actor: Actor, id: string, code: string, language: string): Promise<StreamableFile> {
    await this.requests.visible(actor, id);
    const row = (await this.issuedDocuments.byRequest(id)).find((r) => r.verificationCode === code);
    const rendition = row?.renditions.find((r) => r.language === language);
    const content = rendition ? await this.store.get(rendition.sha256) : null;
    if (!row || !rendition || !content) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `No issued document ${code} in '${language}' on this request`);
    }
    return new StreamableFile(content, {
      type: CONTENT_TYPES.pdf,
      length: rendition.size,
      disposition: contentDisposition(`${row.number}.${language}.pdf`),
    });
  }

  async upload(actor: Actor, id: string, request: FastifyRequest): Promise<DocumentVersionView> {
    const row = await this.requests.visible(actor, id);
    const ctx = await this.catalog.context(row.definitionKey, row.definitionVersion);
    const received = await receiveUpload(
      request,
      this.store,
      { maxBytes: this.config.DOCUMENT_MAX_BYTES, zip: this.config.zipLimits },
      (fields, raw) => {
        if (!fields.documentType) {
          throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The form needs a documentType field before the file');
        }
        const fileName = sanitizeFileName(raw);
        if (!fileName) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, `The file name '${raw}' is not usable`);
        // The reducer's verdict before anything is stored: type declared, uploader allowed, case open.
        const refusal = checkEvent(ctx, row.state as CaseState, {
          type: 'upload-document',
          documentType: fields.documentType,
          fileName,
          ...UNKNOWN_CONTENT,
          actor,
          at: now(),
        });
        if (refusal) throw toApiError(refusal);
      },
    );
    const { blob } = received;
    // Stored under the extension of what the content is, whatever the client called it.
    const fileName = storedFileName(received.fileName, received.kind) as string;
    const documentType = received.fields.documentType as string;
    try {
      await this.actions.act(
        { actor, requestId: id },
        {
          type: 'upload-document',
          documentType,
          fileName,
          sha256: blob.sha256,
          size: blob.size,
          contentType: CONTENT_TYPES[received.kind],
        },
      );
    } catch (error) {
      if (blob.created) await this.store.delete(blob.sha256);
      throw error;
    }
    const state = (await this.requests.visible(actor, id)).state as CaseState;
    const versions = state.documents?.find((d) => d.type === documentType)?.versions ?? [];
    const mine = [...versions].reverse().find((v) => v.sha256 === blob.sha256 && v.uploadedBy.id === actor.id);
    return toVersionView(id, documentType, mine ?? versions[versions.length - 1]);
  }

  async list(actor: Actor, id: string): Promise<DocumentListView> {
    const row = await this.requests.visible(actor, id);
    const definition = await this.catalog.definition(row.definitionKey, row.definitionVersion);
    return toDocumentList(id, definition.documents ?? [], (row.state as CaseState).documents ?? []);
  }

  async download(actor: Actor, id: string, documentType: string, version: number): Promise<StreamableFile> {
    const row = await this.requests.visible(actor, id);
    const doc = (row.state as CaseState).documents?.find((d) => d.type === documentType);
    const found = doc?.versions.find((v) => v.version === version);
    if (!found) throw new ApiError(ApiErrorCode.NOT_FOUND, `No version ${version} of document '${documentType}'`);
    const content = await this.store.get(found.sha256);
    if (!content) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `The content of '${found.fileName}' version ${version} is missing`);
    }
    return new StreamableFile(content, {
      type: found.contentType,
      length: found.size,
      disposition: contentDisposition(found.fileName),
    });
  }
}
