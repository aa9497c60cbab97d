import { IssuedDocumentRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { toVerificationView, VerificationView } from './verification.views';

const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;

/** Public verification of issued documents: reads only the issued-documents read model. */
@Injectable()
export class VerificationService {
  constructor(private readonly issued: IssuedDocumentRepository) {}

  async verify(code: string): Promise<VerificationView> {
    const normalized = code.trim().toUpperCase();
    const row = CODE.test(normalized) ? await this.issued.byCode(normalized) : undefined;
    // Malformed or unknown alike: nothing tells a guesser which codes are near.
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, 'No document was issued with this verification code');
    return toVerificationView(row, new Date());
  }
}
