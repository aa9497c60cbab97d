import type { Actor } from '@onewindow/domain';
import { AppConfig } from '@onewindow/config';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
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

export class ActorView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['applicant', 'clerk', 'supervisor', 'auditor', 'administrator'] }) role!: string;
  @ApiPropertyOptional() department?: string;
  @ApiPropertyOptional() name?: string;
}

export class LoginView {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ type: ActorView }) user!: ActorView;
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
  @ApiResponse({ status: 200, type: LoginView })
  async login(@Body() dto: LoginDto): Promise<{ accessToken: string; user: Actor }> {
    const user = this.devLogin ? findDemoUser(dto.username) : undefined;
    if (!user) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Unknown user');
    return { accessToken: await this.tokens.issue(user), user };
  }

  @Public()
  @Get('demo-users')
  @ApiResponse({ status: 200, type: [ActorView] })
  demoUsers(): readonly Actor[] {
    return this.devLogin ? DEMO_USERS : [];
  }

  /** Development tokens are refused once an external provider signs them, so none are issued then. */
  private get devLogin(): boolean {
    return this.config.AUTH_DEV_LOGIN && !this.config.AUTH_JWKS_URL;
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiResponse({ status: 200, type: ActorView })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
