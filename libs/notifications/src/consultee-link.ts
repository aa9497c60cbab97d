import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a consultee's link grants: answering for one organisation on one case, with one link number, until `expires`. */
export interface ConsulteeLinkClaims {
  requestId: string;
  organisation: string;
  /** The link's number on the case's record: a re-send makes the next one, and only the newest answers. */
  link: number;
  /** Seconds since the epoch. */
  expires: number;
}

export type LinkCheck = { ok: true; claims: ConsulteeLinkClaims } | { ok: false; reason: 'malformed' | 'expired' };

/** A link stays usable this long after the body's due date (or after a later re-send): late answers are accepted. */
export const LINK_GRACE_MS = 30 * 86_400_000;

/** Separates the links' key from the audit checkpoints' key it is derived from. */
const PURPOSE = 'onewindow consultee link v1';

/**
 * Consultee magic links: `<claims>.<HMAC-SHA256>` (both base64url), keyed by the deployment's audit signing key, so
 * nobody without it can make or alter one. Links signed under a previous key (AUDIT_PREVIOUS_SIGNING_KEYS) still
 * verify after a rotation. Whether a link still answers (not revoked, not replaced) is the case record's to say.
 */
export class ConsulteeLinks {
  private readonly keys: Buffer[];

  constructor(
    signingKeys: string[],
    private readonly publicUrl: string,
  ) {
    this.keys = signingKeys.map((key) => createHmac('sha256', key).update(PURPOSE).digest());
  }

  sign(claims: ConsulteeLinkClaims): string {
    const body = Buffer.from(
      JSON.stringify({ r: claims.requestId, o: claims.organisation, l: claims.link, e: claims.expires }),
    ).toString('base64url');
    return `${body}.${mac(this.keys[0], body)}`;
  }

  /** The page a consultee opens: the web app's consultation route with the token. */
  url(claims: ConsulteeLinkClaims): string {
    return `${this.publicUrl.replace(/\/$/, '')}/consultation/${this.sign(claims)}`;
  }

  verify(token: string, now = Date.now()): LinkCheck {
    const [body, signature, ...rest] = token.split('.');
    if (!body || !signature || rest.length > 0 || token.length > 1000) return { ok: false, reason: 'malformed' };
    const given = Buffer.from(signature);
    const signed = this.keys.some((key) => {
      const expected = Buffer.from(mac(key, body));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!signed) return { ok: false, reason: 'malformed' };
    const claims = parseClaims(body);
    if (!claims) return { ok: false, reason: 'malformed' };
    if (claims.expires * 1000 <= now) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}

/** When a link sent at `sentAt` for a body due at `dueAt` stops working. */
export function linkExpiry(dueAt: string, sentAt: string): number {
  return Math.floor((Math.max(Date.parse(dueAt), Date.parse(sentAt)) + LINK_GRACE_MS) / 1000);
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

function parseClaims(body: string): ConsulteeLinkClaims | undefined {
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { r, o, l, e } = c;
    if (typeof r !== 'string' || typeof o !== 'string' || !Number.isInteger(l) || !Number.isInteger(e))
      return undefined;
    return { requestId: r, organisation: o, link: l as number, expires: e as number };
  } catch {
    return undefined;
  }
}

/** The links of a deployment: its audit signing key (then the previous ones) and its public address. */
export function consulteeLinksFor(config: {
  AUDIT_SIGNING_KEY: string;
  auditPreviousSigningKeys: string[];
  publicUrl: string;
}): ConsulteeLinks {
  return new ConsulteeLinks([config.AUDIT_SIGNING_KEY, ...config.auditPreviousSigningKeys], config.publicUrl);
}
