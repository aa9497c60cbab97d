import { AppConfig } from '@onewindow/config';
import type { Actor } from '@onewindow/domain';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { createRemoteJWKSet, CryptoKey, errors, JWTPayload, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { subtle } from 'node:crypto';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { ClaimMapping } from './claim-mapping';
import { findDemoUser } from './demo-users';

const DEV_ALGORITHM = 'HS256';
const DEV_HASH = 'SHA-256';
const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const TOKEN_LIFETIME = '8h';
const MAX_TOKEN_LENGTH = 8192;

/**
 * Verifies every bearer token: signature, algorithm, exp (required), iss and aud. With AUTH_JWKS_URL
 * the identity provider's keys (fetched again when a token names a key id not yet seen, so rotation
 * needs no restart) and its claims decide; otherwise, in development only, the HS256 development
 * secret signs tokens for the seeded users, and the seeded record (not the token) says who they are.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  /**
   * The development secret as a WebCrypto key, imported once at start: jose signs and verifies with a CryptoKey as
   * it is, but exports a KeyObject (or takes raw bytes) and imports it into a new CryptoKey on every call.
   */
  private secret?: CryptoKey;
  private readonly jwks?: JWTVerifyGetKey;
  private readonly claims: ClaimMapping;

  constructor(private readonly config: AppConfig) {
    if (config.AUTH_JWKS_URL) {
      this.jwks = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), {
        cooldownDuration: config.AUTH_JWKS_COOLDOWN_SECONDS * 1000,
      });
    }
    this.claims = new ClaimMapping(config);
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.devTokensAccepted) return;
    const bytes = Buffer.from(this.config.AUTH_DEV_SECRET, 'utf8');
    this.secret = await subtle.importKey('raw', bytes, { name: 'HMAC', hash: DEV_HASH }, false, ['sign', 'verify']);
  }

  /** Whether POST /auth/login hands out development tokens. */
  get issuesDevTokens(): boolean {
    return this.config.devTokensAccepted && this.config.AUTH_DEV_LOGIN;
  }

  issue(actor: Actor): Promise<string> {
    if (!this.secret) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Development sign-in is off');
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
    if (token.length > MAX_TOKEN_LENGTH) throw unauthenticated('malformed');
    const options = {
      issuer: this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    };
    let payload: JWTPayload;
    try {
      if (this.jwks) {
        payload = (await jwtVerify(token, this.jwks, { ...options, algorithms: OIDC_ALGORITHMS })).payload;
      } else if (this.secret) {
        payload = (await jwtVerify(token, this.secret, { ...options, algorithms: [DEV_ALGORITHM] })).payload;
      } else {
        throw unauthenticated('no-identity-provider');
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        // The provider's keys could not be fetched: an outage, not the caller's fault.
        throw new ApiError(ApiErrorCode.UNAVAILABLE, 'The identity provider cannot be reached', {
          reason: 'provider-unreachable',
        });
      }
      throw unauthenticated(reasonOf(error));
    }
    return this.jwks ? this.claims.toActor(payload) : seededActor(payload);
  }
}

/** A development token stands only for a seeded user, with the role the seed gives them. */
function seededActor(payload: JWTPayload): Actor {
  const user = typeof payload.sub === 'string' ? findDemoUser(payload.sub) : undefined;
  if (!user) {
    throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Token names no seeded user', { reason: 'unknown-user' });
  }
  if (payload.role !== user.role) {
    throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Token names a role its user does not hold', {
      reason: 'wrong-role',
    });
  }
  return user;
}

function unauthenticated(reason: string): ApiError {
  const message = reason === 'expired' ? 'The token has expired' : 'Invalid or expired token';
  return new ApiError(ApiErrorCode.UNAUTHENTICATED, message, { reason });
}

/** A short reason for the access log and metrics: what was wrong, never the token itself. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'exp') return 'no-expiry';
    if (error.claim === 'sub') return 'no-subject';
    return `bad-claim-${error.claim.replace(/[^\w]/g, '').slice(0, 20)}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown-key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm-not-allowed';
  return 'malformed';
}
