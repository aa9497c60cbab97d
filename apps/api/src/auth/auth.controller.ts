import type { Actor } from '@onewindow/domain';
import { AppConfig } from '@onewindow/config';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { CurrentActor, Public } from './auth.decorators';
import { DEMO_USERS, findDemoUser } from './demo-users';
import { TokenService } from './token.service';

export class LoginDto {
  @ApiProperty({ example: 'acme-battery', description: 'Id of a seeded demo user' })
  @IsString()
  @Length(1, 100)
  username!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  /** Development only: a token for one of the seeded demo users. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto): Promise<{ accessToken: string; user: Actor }> {
    const user = this.config.AUTH_DEV_LOGIN ? findDemoUser(dto.username) : undefined;
    if (!user) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Unknown user');
    return { accessToken: await this.tokens.issue(user), user };
  }

  @Public()
  @Get('demo-users')
  demoUsers(): readonly Actor[] {
    return this.config.AUTH_DEV_LOGIN ? DEMO_USERS : [];
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
