import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/auth.decorators';
import { VerificationService } from './verification.service';
import { VerificationView } from './verification.views';

/**
 * `GET /verifications/<code>`: what a document with this code is and whether it is in force now, for anyone
 * (no sign-in; the per-address rate limit applies). The web app's `/verify/<code>` page reads it.
 */
@ApiTags('verification')
@Controller('verifications')
export class VerificationController {
  constructor(private readonly service: VerificationService) {}

  @Get(':code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: VerificationView })
  @ApiResponse({ status: 404, description: 'No document was issued with this code' })
  verify(@Param('code') code: string): Promise<VerificationView> {
    return this.service.verify(code);
  }
}
