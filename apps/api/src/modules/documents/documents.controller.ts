import type { Actor } from '@onewindow/domain';
import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Req,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { DocumentTypePipe, LanguagePipe, VerificationCodePipe } from '../../core/common/key-param.pipe';
import { STREAMS_MULTIPART } from '../../core/common/request-bodies';
import { RequestAccessGuard } from '../requests/request-access.guard';
import { DocumentListView, DocumentVersionView, IssuedDocumentView } from './document.views';
import { DocumentsService } from './documents.service';

/** Documents of a request: uploads (each a transition on the hash chain), versions and downloads. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('requests/:id/documents')
@UseGuards(RequestAccessGuard)
export class DocumentsController {
  constructor(private readonly service: DocumentsService) {}

  /**
   * Upload a new version of a document: `multipart/form-data` with a `documentType` field, then one
   * `file` part. 413 beyond the size limit, 415 when the content is not an allowed kind.
   */
  @Post()
  @HttpCode(201)
  @Roles('applicant', 'clerk', 'supervisor')
  @RouteConfig(STREAMS_MULTIPART)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['documentType', 'file'],
      properties: { documentType: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse({ status: 201, type: DocumentVersionView })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentVersionView> {
    return this.service.upload(actor, id, request);
  }

  /** Every document type of the request with its current version and the whole version history. */
  @Get()
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: DocumentListView })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentListView> {
    return this.service.list(actor, id);
  }

  /** The documents the request issued: decision notices, the permit, each numbered and signed. */
  @Get('issued')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: [IssuedDocumentView] })
  issued(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IssuedDocumentView[]> {
    return this.service.issued(actor, id);
  }

  /** One language's PDF of an issued document, exactly as issued (signed). */
  @Get('issued/:code/:language')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  downloadIssued(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code', VerificationCodePipe) code: string,
    @Param('language', LanguagePipe) language: string,
  ): Promise<StreamableFile> {
    return this.service.downloadIssued(actor, id, code, language);
  }

  /** The content of one version, as an attachment. */
  @Get(':documentType/versions/:version')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/octet-stream')
  download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentType', DocumentTypePipe) documentType: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<StreamableFile> {
    return this.service.download(actor, id, documentType, version);
  }
}
