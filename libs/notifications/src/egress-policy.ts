import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';

/**
 * Where a call that a user can steer (a webhook URL today, any callback tomorrow) may go: only to
 * public unicast addresses, unless the operator lists a receiver in `EGRESS_ALLOWED_HOSTS`. The
 * same policy answers twice: when the URL is saved (what can be known then: the scheme, a literal
 * address, a name that is internal by its form) and when the connection is opened, on the very
 * addresses the name resolved to, so a name re-pointed after saving (DNS rebinding) gains nothing.
 */
export class EgressPolicy {
  private readonly names: Set<string>;
  private readonly ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

  /** `allowed`: host names (exact) and addresses or CIDR ranges that may be reached although not public. */
  constructor(allowed: readonly string[] = []) {
    this.names = new Set();
    this.ranges = [];
    for (const entry of allowed.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0)) {
      const range = parseRange(entry);
      if (range) this.ranges.push(range);
      else this.names.add(entry);
    }
  }

  /** Why a URL may not be used as a receiver, or null when it may (as far as can be known without resolving it). */
  refuseUrl(raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'is not a URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https or http';
    if (url.username || url.password) return 'must not carry a user name or password';
    // The WHATWG parser has already turned 0x7f000001, 017700000001 and 2130706433 into 127.0.0.1.
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (this.names.has(host)) return null;
    if (isIP(host)) return this.allowsAddress(host) ? null : 'is not a public address';
    return internalName(host) ? 'is not a public host name' : null;
  }

  /** Whether a connection to this resolved address may be opened. */
  allowsAddress(address: string): boolean {
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.parse(address);
    } catch {
      return false;
    }
    if (this.ranges.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits))) return true;
    return isPublicAddress(parsed);
  }

  /** Whether a name is listed, so whatever it resolves to may be reached (an internal receiver by name). */
  allowsName(host: string): boolean {
    return this.names.has(host.toLowerCase());
  }

  /**
   * An undici dispatcher whose every connection is checked: a literal address before connecting, a
   * name on the addresses its lookup returned (all of them: one private answer refuses the name).
   */
  dispatcher(options: { connectTimeoutMs: number }): Agent {
    const lookup = (hostname: string, opts: LookupOptions, callback: LookupCallback) => {
      dnsLookup(hostname, { ...opts, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, []);
        const refused = !this.allowsName(hostname) && addresses.some((a) => !this.allowsAddress(a.address));
        if (refused || addresses.length === 0) return callback(new EgressRefusedError(hostname), []);
        if (opts.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      });
    };
    const connect = buildConnector({ timeout: options.connectTimeoutMs, lookup });
    return new Agent({
      connect: (opts, callback) => {
        const host = opts.hostname.replace(/^\[|\]$/g, '');
        if (isIP(host) && !this.allowsName(host) && !this.allowsAddress(host)) {
          callback(new EgressRefusedError(host), null);
          return;
        }
        connect(opts, callback);
      },
    });
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A connection the egress policy did not open. */
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';
  readonly code = 'EGRESS_REFUSED';

  constructor(readonly host: string) {
    super(`${host} is not a public address`);
  }
}

/** True for a cause chain (undici wraps connection errors in `fetch failed`) holding an egress refusal. */
export function isEgressRefusal(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof EgressRefusedError) return true;
  return false;
}

/**
 * Only global unicast: IPv4 outside every special range ipaddr.js knows (loopback, private, link-local,
 * carrier-grade NAT, multicast, broadcast, reserved, documentation, 0.0.0.0/8); IPv6 inside 2000::/3
 * and outside its special ranges — which refuses ::1, ::, fc00::/7, fe80::/10, ff00::/8, IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64, 6to4 and Teredo, whose real target hides inside.
 */
export function isPublicAddress(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6, 3);
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse('2000::');

/** Names that point inside by their form: no dot (a search-domain name), or a suffix that never resolves publicly. */
function internalName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  if (!name.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

const INTERNAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home.arpa', 'corp'];

function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  try {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const address = ipaddr.parse(entry.replace(/^\[|\]$/g, ''));
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}
