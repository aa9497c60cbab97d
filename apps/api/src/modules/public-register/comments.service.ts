import { AppConfig } from '@onewindow/config';
import { showInstant, type Actor, type Language } from '@onewindow/domain';
import {
  canonicalJson,
  PublicCommentRepository,
  PublicRegisterRepository,
  publishedHash,
  type PublicCommentRow,
  type PublishedApplicationRow,
} from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { plainText } from '../../core/common/plain-text';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { CaseActionsService } from '../requests/case-actions.service';
import { NewCommentDto, PublishCommentDto, RedactionDto } from './comments.dto';
import {
  CommentConfirmedView,
  CommentCountsView,
  countComments,
  CommentReceivedView,
  PublishedCommentView,
  StaffCommentView,
  toStaffCommentView,
} from './comments.views';
import { jurisdictionOf } from './public-register.views';

/** At most this many comments per email address on one case in a day: enough for a neighbour, not for a flood. */
const PER_ADDRESS_PER_DAY = 3;
const DAY_MS = 86_400_000;
/** What stands in the published text for a withheld range. */
const REDACTED = '[redacted]';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Public comments: a member of the public writes during the comment period, confirms the email address by a link,
 * and an officer publishes a redacted copy, recorded on the case's chain. The register shows only published copies.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly register: PublicRegisterRepository,
    private readonly comments: PublicCommentRepository,
    private readonly actions: CaseActionsService,
    private readonly config: AppConfig,
    private readonly catalog: DefinitionCatalogService,
  ) {}

  async submit(reference: string, dto: NewCommentDto, language: Language): Promise<CommentReceivedView> {
    const application = await this.published(reference);
    const now = new Date();
    await this.refuseOutsidePeriod(application, now);
    const text = plainText(dto.text);
    if (!text) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'text must say something', { field: 'text' });
    const email = dto.email.trim();
    if (
      (await this.comments.countSince(application.requestId, email, new Date(now.getTime() - DAY_MS))) >=
      PER_ADDRESS_PER_DAY
    ) {
      throw new ApiError(
        ApiErrorCode.RATE_LIMITED,
        `At most ${PER_ADDRESS_PER_DAY} comments per address on an application in a day`,
      );
    }
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.comments.create(
      {
        id,
        requestId: application.requestId,
        name: plainText(dto.name),
        email,
        sentiment: dto.sentiment,
        topics: [...new Set(dto.topics)],
        text,
        textSha256: sha256(text),
        confirmationHash: sha256(token),
        createdAt: now,
      },
      confirmationMail(
        language,
        application,
        `${this.config.publicUrl}/register/${encodeURIComponent(reference)}/confirm?token=${token}`,
      ),
    );
    return { status: 'awaiting-confirmation' };
  }

  async confirm(token: string): Promise<CommentConfirmedView> {
    const row = await this.comments.confirm(sha256(token), new Date());
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, 'This confirmation link is not valid');
    const application = await this.register.byRequestId(row.requestId);
    return { reference: application?.reference ?? row.requestId };
  }

  async publishedComments(reference: string): Promise<PublishedCommentView[]> {
    const application = await this.published(reference);
    return (await this.comments.published(application.requestId)).map((row) => {
      const json = canonicalJson(publishedComment(application, row, row.publishedText ?? ''));
      return {
        id: row.id,
        sentiment: row.sentiment,
        topics: row.topics,
        text: row.publishedText ?? '',
        publishedAt: new Date(row.publishedAt!).toISOString(),
        json,
        sha256: row.publishedSha256 ?? '',
        seq: row.publicationSeq ?? 0,
      };
    });
  }

  async counts(requestId: string): Promise<CommentCountsView> {
    return countComments(await this.comments.forCase(requestId));
  }

  async forCase(requestId: string): Promise<StaffCommentView[]> {
    return (await this.comments.forCase(requestId)).map(toStaffCommentView);
  }

  /** Publishes a confirmed comment with the officer's redactions: a transition on the case's chain. */
  async publish(
    target: { actor: Actor; requestId: string; idempotencyKey?: string },
    commentId: string,
    dto: PublishCommentDto,
  ): Promise<StaffCommentView> {
    const row = await this.comments.find(target.requestId, commentId);
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, `No comment '${commentId}' on this case`);
    if (!row.confirmedAt)
      throw new ApiError(ApiErrorCode.CONFLICT, 'The comment does not count yet: its email address is not confirmed');
    const application = await this.register.byRequestId(target.requestId);
    if (!application) throw new ApiError(ApiErrorCode.CONFLICT, 'The case is not on the public register');
    const text = redact(row.text, dto.redactions);
    const redactions = dto.redactions.map((r) => ({
      field: 'text',
      range: [r.start, r.end] as [number, number],
      by: target.actor.id,
      reason: r.reason,
    }));
    await this.actions.act(target, {
      type: 'publish-comment',
      commentId,
      sourceHash: row.textSha256,
      sha256: publishedHash(publishedComment(application, row, text)),
      text,
      redactions,
    });
    return toStaffCommentView((await this.comments.find(target.requestId, commentId))!);
  }

  /** The comment period is the statutory clock's: it ends when the case's calendar says, read in the case's zone. */
  private async refuseOutsidePeriod(application: PublishedApplicationRow, now: Date): Promise<void> {
    if (!application.commentsUntil) {
      throw new ApiError(
        ApiErrorCode.CONFLICT,
        'This application does not take comments now: its comment period is not open',
      );
    }
    const until = new Date(application.commentsUntil).toISOString();
    if (Date.parse(until) <= now.getTime()) {
      const calendar = await this.catalog.calendar(jurisdictionOf(application));
      throw new ApiError(
        ApiErrorCode.CONFLICT,
        `This application does not take comments now: its comment period ended at ${showInstant(until, calendar)}`,
        { commentsEndedAt: until },
      );
    }
  }

  private async published(reference: string): Promise<PublishedApplicationRow> {
    const row = reference.length <= 100 ? await this.register.byReference(reference) : undefined;
    if (!row)
      throw new ApiError(ApiErrorCode.NOT_FOUND, 'No application with this reference is on the public register');
    return row;
  }
}

/** The published copy of a comment, whose SHA-256 over canonical JSON the chain records. */
function publishedComment(application: PublishedApplicationRow, row: PublicCommentRow, text: string): object {
  return {
    application: application.reference,
    comment: row.id,
    sentiment: row.sentiment,
    topics: row.topics,
    text,
    submittedAt: new Date(row.createdAt).toISOString(),
  };
}

/** The text with each range replaced by a marker; ranges must lie in the text and not overlap. */
export function redact(text: string, ranges: RedactionDto[]): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start >= r.end || r.end > text.length || r.start < at) {
      throw new ApiError(
        ApiErrorCode.VALIDATION_FAILED,
        `redaction ${r.start}–${r.end} must lie within the text and not overlap another`,
        {
          field: 'redactions',
        },
      );
    }
    out += text.slice(at, r.start) + REDACTED;
    at = r.end;
  }
  return out + text.slice(at);
}

function confirmationMail(language: Language, application: PublishedApplicationRow, link: string) {
  if (language === 'zh-CN') {
    return {
      language,
      subject: `请确认您对申请事项“${application.description}”的意见`,
      body: `您对申请事项“${application.description}”（编号 ${application.reference}）提交了意见。确认电子邮箱地址后，您的意见方予计入：\n\n${link}\n\n如非本人提交，请忽略本邮件。`,
    };
  }
  return {
    language,
    subject: `Confirm your comment on "${application.description}"`,
    body: `You commented on the application "${application.description}" (reference ${application.reference}). Your comment counts once you confirm your email address:\n\n${link}\n\nIf you did not write it, ignore this message.`,
  };
}
