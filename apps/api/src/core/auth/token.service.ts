import { AppConfig } from '@onewindow/config';
import { ACTOR_ROLES, Actor, ActorRole } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { createSecretKey, KeyObject } from 'node:crypto';
import { ApiError, ApiErrorCode } from '../errors/api-error';

const DEV_ALGORITHM = 'HS256';
const OIDC_ALGORITHMS = ['RS256', 'ES256'];
const TOKEN_LIFETIME = '8h';

/** Issues development tokens and verifies every bearer token: signature, algorithm, exp, iss and aud. */
@Injectable()
export class TokenService {
  /** Imported once: jose would otherwise import raw key bytes again on every verification. */
  private readonly secret: KeyObject;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly config: AppConfig) {
    this.secret = createSecretKey(Buffer.from(config.AUTH_DEV_SECRET, 'utf8'));
    if (config.AUTH_JWKS_URL) this.jwks = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
  }

  issue(actor: Actor): Promise<string> {
    return new SignJWT({ role: actor.role, department: actor.department, name: actor.name })
      .setProtectedHeader({ alg: DEV_ALGORITHM })
      .setSubject(actor.id)
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME)
      .sign(this.secret);
  }

  async verify(token: string): Promise<Actor> {
    const options = { issuer: this.config.AUTH_ISSUER, audience: this.config.AUTH_AUDIENCE };
    try {
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: OIDC_ALGORITHMS })
        : await jwtVerify(token, this.secret, { ...options, algorithms: [DEV_ALGORITHM] });
      return toActor(payload);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    }
  }
}

function toActor(payload: JWTPayload): Actor {
  const { sub, role, department, name } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || !ACTOR_ROLES.includes(role as ActorRole) || role === 'system') {
    throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Token lacks a subject or a known role');
  }
  return {
    id: sub,
    role: role as ActorRole,
    ...(typeof department === 'string' ? { department } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
}
