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
    const user = this.devLogin ? findDemoUser(dto.username) : undefined;
    if (!user) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Unknown user');
    return { accessToken: await this.tokens.issue(user), user };
  }

  @Public()
  @Get('demo-users')
  demoUsers(): readonly Actor[] {
    return this.devLogin ? DEMO_USERS : [];
  }

  /** Development tokens are refused once an external provider signs them, so none are issued then. */
  private get devLogin(): boolean {
    return this.config.AUTH_DEV_LOGIN && !this.config.AUTH_JWKS_URL;
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
