import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/auth.decorators';
import { RegisterQuery } from './public-register.dto';
import { PublicRegisterService } from './public-register.service';
import { PublishedApplicationView, RegisterPageView } from './public-register.views';

/**
 * `GET /public/applications`: the public register, for anyone (no sign-in; the per-address rate limit applies).
 * Only published cases, only what their definition publishes; anything else is a 404.
 */
@ApiTags('public')
@Controller('public/applications')
export class PublicRegisterController {
  constructor(private readonly service: PublicRegisterService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: RegisterPageView })
  list(@Query() query: RegisterQuery): Promise<RegisterPageView> {
    return this.service.list(query);
  }

  @Get(':reference')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: PublishedApplicationView })
  @ApiResponse({ status: 404, description: 'Not on the public register' })
  detail(@Param('reference') reference: string): Promise<PublishedApplicationView> {
    return this.service.detail(reference);
  }
}
