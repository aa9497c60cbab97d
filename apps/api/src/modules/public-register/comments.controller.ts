import { languageOf, type Actor } from '@onewindow/domain';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../core/auth/auth.decorators';
import { RequestAccessGuard } from '../requests/request-access.guard';
import { ConfirmCommentDto, NewCommentDto, PublishCommentDto } from './comments.dto';
import { CommentsService } from './comments.service';
import {
  CommentConfirmedView,
  CommentCountsView,
  CommentReceivedView,
  PublishedCommentView,
  StaffCommentView,
} from './comments.views';

/**
 * Comments of the public on the register (no sign-in; the per-address rate limit applies, and a per-email one):
 * written during the comment period, counted once the email address is confirmed, shown once published.
 */
@ApiTags('public')
@Controller('public')
export class PublicCommentsController {
  constructor(private readonly service: CommentsService) {}

  @Post('applications/:reference/comments')
  @Public()
  @HttpCode(202)
  @ApiResponse({ status: 202, type: CommentReceivedView })
  @ApiResponse({ status: 404, description: 'Not on the public register' })
  @ApiResponse({ status: 409, description: 'The comment period is not open' })
  submit(
    @Param('reference') reference: string,
    @Body() dto: NewCommentDto,
    @Req() request: FastifyRequest,
  ): Promise<CommentReceivedView> {
    // The confirmation message is written in the language the page was read in.
    return this.service.submit(reference, dto, languageOf(request.headers['accept-language']));
  }

  @Post('comments/confirmation')
  @Public()
  @HttpCode(200)
  @ApiResponse({ status: 200, type: CommentConfirmedView })
  confirm(@Body() dto: ConfirmCommentDto): Promise<CommentConfirmedView> {
    return this.service.confirm(dto.token);
  }

  @Get('applications/:reference/comments')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: [PublishedCommentView] })
  published(@Param('reference') reference: string): Promise<PublishedCommentView[]> {
    return this.service.publishedComments(reference);
  }
}

/** The officer's side: every comment of a case, and publishing one with its redactions. */
@ApiTags('requests')
@Controller('requests/:id/comments')
@UseGuards(RequestAccessGuard)
export class StaffCommentsController {
  constructor(private readonly service: CommentsService) {}

  @Get()
  @Roles('clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: [StaffCommentView] })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<StaffCommentView[]> {
    return this.service.forCase(id);
  }

  @Get('counts')
  @Roles('clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: CommentCountsView })
  counts(@Param('id', ParseUUIDPipe) id: string): Promise<CommentCountsView> {
    return this.service.counts(id);
  }

  @Post(':commentId/publication')
  @Roles('clerk', 'supervisor')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: StaffCommentView })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() dto: PublishCommentDto,
  ): Promise<StaffCommentView> {
    return this.service.publish({ actor, requestId: id }, commentId, dto);
  }
}
