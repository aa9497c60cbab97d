import { AppConfig } from '@onewindow/config';
import type { Actor, ActorRole } from '@onewindow/domain';
import type { JWTPayload } from 'jose';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/** Roles a person may hold; `system` is the engine's own and never comes from a token. */
export const PERSON_ROLES: readonly ActorRole[] = ['applicant', 'clerk', 'supervisor', 'auditor', 'administrator'];

/**
 * Reads a provider's token into an actor: the role and department from configurable claims (dot paths
 * such as `realm_access.roles`, string or list values), provider role names mapped to OneWindow's.
 * Anything missing or ambiguous is refused, never defaulted.
 */
export class ClaimMapping {
  private readonly roleMap: ReadonlyMap<string, ActorRole>;

  constructor(private readonly config: AppConfig) {
    this.roleMap = new Map(
      config.AUTH_ROLE_MAP.split(',')
        .map((pair) => pair.split('=').map((part) => part.trim()))
        .filter(([from, to]) => from && to)
        .map(([from, to]) => [from, to as ActorRole]),
    );
  }

  toActor(payload: JWTPayload): Actor {
    const { sub } = payload;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Token lacks a subject', { reason: 'no-subject' });
    }
    const roles = [...new Set(strings(claimAt(payload, this.config.AUTH_ROLE_CLAIM)).flatMap((r) => this.map(r)))];
    if (roles.length !== 1) {
      const reason = roles.length === 0 ? 'no-role' : 'ambiguous-role';
      const message =
        roles.length === 0 ? 'Token names no known role' : `Token names several roles (${roles.join(', ')})`;
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, message, { reason });
    }
    const [role] = roles;
    const departments = strings(claimAt(payload, this.config.AUTH_DEPARTMENT_CLAIM));
    const department = departments.length === 1 ? departments[0] : undefined;
    const [name] = strings(claimAt(payload, this.config.AUTH_NAME_CLAIM));
    return requireRoleClaims({
      id: sub,
      role,
      ...(department !== undefined ? { department } : {}),
      ...(name !== undefined ? { name } : {}),
    });
  }

  private map(providerRole: string): ActorRole[] {
    if (this.roleMap.size > 0) {
      const mapped = this.roleMap.get(providerRole);
      return mapped ? [mapped] : [];
    }
    return PERSON_ROLES.includes(providerRole as ActorRole) ? [providerRole as ActorRole] : [];
  }
}

/** A clerk works for one department: without it no check of theirs could hold, so the token is refused. */
export function requireRoleClaims(actor: Actor): Actor {
  if (actor.role === 'clerk' && !actor.department) {
    throw new ApiError(ApiErrorCode.FORBIDDEN, 'A clerk token must name exactly one department', {
      reason: 'no-department',
    });
  }
  return actor;
}

function claimAt(payload: JWTPayload, path: string): unknown {
  // A claim whose own name holds dots (namespaced claims such as `https://example.org/role`) wins.
  if (Object.prototype.hasOwnProperty.call(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.length > 0 ? [value] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [];
}
