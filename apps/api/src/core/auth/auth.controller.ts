import type { Actor } from '@onewindow/domain';
import { AppConfig } from '@onewindow/config';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { PERSON_ROLES } from './claim-mapping';
import { DEMO_USERS, findDemoUser } from './demo-users';
import { TokenService } from './token.service';

export class LoginDto {
  @ApiProperty({ example: 'acme-battery', description: 'Id of a seeded demo user' })
  @IsString()
  @Length(1, 100)
  username!: string;
}

export class OidcClientConfigView {
  @ApiProperty({
    description: "The provider's issuer; its discovery document is at <issuer>/.well-known/openid-configuration",
  })
  issuer!: string;
  @ApiProperty({ description: 'The public client id of the web app (no secret: authorization code with PKCE)' })
  clientId!: string;
  @ApiProperty({ example: 'openid profile offline_access' })
  scopes!: string;
  @ApiProperty({ description: 'The audience the API expects (a resource indicator, where the provider uses them)' })
  audience!: string;
}

export class AuthConfigView {
  @ApiProperty({ enum: ['development', 'production'] })
  mode!: 'development' | 'production';
  @ApiProperty({ description: 'Whether POST /auth/login signs seeded users in without a password' })
  devLogin!: boolean;
  @ApiProperty({ type: OidcClientConfigView, nullable: true })
  oidc!: OidcClientConfigView | null;
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

  /** What the web app needs to sign in: the provider, its public client id and scopes. Holds no secret. */
  @Public()
  @Get('config')
  authConfig(): AuthConfigView {
    const { AUTH_JWKS_URL, AUTH_ISSUER, AUTH_CLIENT_ID, AUTH_SCOPES, AUTH_AUDIENCE } = this.config;
    return {
      mode: this.config.mode,
      devLogin: this.tokens.issuesDevTokens,
      oidc: AUTH_JWKS_URL
        ? { issuer: AUTH_ISSUER, clientId: AUTH_CLIENT_ID, scopes: AUTH_SCOPES, audience: AUTH_AUDIENCE }
        : null,
    };
  }

  /** Development only: a token for one of the seeded demo users. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: LoginView })
  async login(@Body() dto: LoginDto): Promise<{ accessToken: string; user: Actor }> {
    const user = this.tokens.issuesDevTokens ? findDemoUser(dto.username) : undefined;
    if (!user) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Unknown user', { reason: 'dev-login' });
    return { accessToken: await this.tokens.issue(user), user };
  }

  @Public()
  @Get('demo-users')
  @ApiResponse({ status: 200, type: [ActorView] })
  demoUsers(): readonly Actor[] {
    return this.tokens.issuesDevTokens ? DEMO_USERS : [];
  }

  @ApiBearerAuth()
  @Roles(...PERSON_ROLES)
  @Get('me')
  @ApiResponse({ status: 200, type: ActorView })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
