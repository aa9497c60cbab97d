import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../errors/api-error';

const STEP_KEY = /^[a-z][a-z0-9-]{0,63}$/;
const EXTENSION_ID = /^ext-[0-9]{1,6}$/;

/** A path parameter that must match a pattern; anything else is a 400, never a lookup. */
@Injectable()
class MatchesParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly pattern: RegExp,
    private readonly what: string,
  ) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !this.pattern.test(value)) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, `${this.what} is malformed`);
    }
    return value;
  }
}

export const StepIdPipe = new MatchesParamPipe(STEP_KEY, 'stepId');
export const DocumentTypePipe = new MatchesParamPipe(/^[a-z0-9][a-z0-9-]{0,63}$/, 'documentType');
export const NotificationIdPipe = new MatchesParamPipe(/^[0-9]{1,18}$/, 'deliveryId');
/** An issued document's id within its case, e.g. permit-1. */
export const IssuedDocumentIdPipe = new MatchesParamPipe(/^[a-z][a-z-]{0,40}-[0-9]{1,6}$/, 'documentId');
export const ExtensionIdPipe = new MatchesParamPipe(EXTENSION_ID, 'extensionId');
export const VerificationCodePipe = new MatchesParamPipe(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/, 'code');
export const LanguagePipe = new MatchesParamPipe(/^(en|zh-CN)$/, 'language');
/** A consultee directory key (what definitions name an organisation by). */
export const OrganisationKeyPipe = new MatchesParamPipe(/^[a-z0-9][a-z0-9-]{0,62}$/, 'organisation');
/** A consultee link's token: its signature, not this shape, decides whether it opens anything. */
export const ConsulteeTokenPipe = new MatchesParamPipe(/^[A-Za-z0-9_.-]{1,1000}$/, 'token');
