import { resolve } from 'node:path';
import { DevstackSetupError } from './devstack-error';
import { ensureGoPrograms } from './go-install';
import { supervise, SupervisedProcess } from './supervisor';
import { defaultCliCacheDir } from './temporal-cli';

/** Toxiproxy, the TCP fault proxy: built from its Go module like the Temporal server. */
export const TOXIPROXY_VERSION = 'v2.5.0';
const MODULE = 'github.com/Shopify/toxiproxy/v2';

/** The proxy server and its command-line client, built once into the cache as toxiproxy-server and toxiproxy-cli. */
export async function ensureToxiproxy(
  opts: { cacheDir?: string; log?: (line: string) => void } = {},
): Promise<{ server: string; cli: string }> {
  const [server, cli] = await ensureGoPrograms({
    what: `Toxiproxy ${TOXIPROXY_VERSION}`,
    programs: [
      { pkg: `${MODULE}/cmd/server@${TOXIPROXY_VERSION}`, installedAs: 'server', cachedAs: 'toxiproxy-server' },
      { pkg: `${MODULE}/cmd/cli@${TOXIPROXY_VERSION}`, installedAs: 'cli', cachedAs: 'toxiproxy-cli' },
    ],
    cacheDir: resolve(opts.cacheDir ?? defaultCliCacheDir()),
    lockName: 'toxiproxy-build.lock',
    log: opts.log ?? (() => undefined),
  });
  return { server, cli };
}

/** A control call that takes longer than this means Toxiproxy is stuck: the run fails rather than waits. */
const CONTROL_TIMEOUT_MS = 30_000;

/** A fault to put on a link: Toxiproxy's toxic types, applied to both directions. */
export type NetworkFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'blackhole' }
  | { kind: 'reset' }
  | { kind: 'bandwidth'; kilobytesPerSecond: number };

export interface FaultProxy {
  /** Proxies `upstream` (host:port) on a local port; returns the address to connect to instead. */
  link(name: string, listenPort: number, upstream: string): Promise<string>;
  /** Puts the fault on every link, both directions. */
  inject(fault: NetworkFault): Promise<void>;
  /** Takes every fault off every link. */
  heal(): Promise<void>;
  process: SupervisedProcess;
  stop(): Promise<void>;
}

function toxics(fault: NetworkFault): Array<{ type: string; attributes: Record<string, number> }> {
  switch (fault.kind) {
    case 'latency':
      return [{ type: 'latency', attributes: { latency: fault.ms, jitter: 0 } }];
    case 'blackhole':
      // Nothing passes and nothing is closed while the fault lasts; when it heals, every connection that
      // crossed it is closed, as a stateful firewall or NAT on the path forgets them after a partition.
      // (A long `latency` toxic would deliver the held bytes instead, but removing it while one of its
      // connections ends blocks Toxiproxy's control API for good: Shopify/toxiproxy#558.)
      return [{ type: 'timeout', attributes: { timeout: 0 } }];
    case 'reset':
      return [{ type: 'reset_peer', attributes: { timeout: 0 } }];
    case 'bandwidth':
      return [{ type: 'bandwidth', attributes: { rate: fault.kilobytesPerSecond } }];
  }
}

/** Starts a supervised Toxiproxy server on 127.0.0.1:`apiPort` and waits for its API. */
export async function startFaultProxy(opts: {
  binary: string;
  apiPort: number;
  log: (line: string) => void;
  output: (line: string) => void;
}): Promise<FaultProxy> {
  const api = `http://127.0.0.1:${opts.apiPort}`;
  const process = supervise({
    name: 'toxiproxy',
    command: opts.binary,
    args: ['-host', '127.0.0.1', '-port', String(opts.apiPort)],
    log: opts.log,
    output: opts.output,
  });
  const call = async (method: string, path: string, body?: object): Promise<unknown> => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new DevstackSetupError(`Toxiproxy ${method} ${path} did not answer: ${(error as Error).message}`);
    });
    if (!res.ok && res.status !== 404) {
      throw new DevstackSetupError(`Toxiproxy ${method} ${path} answered ${res.status}: ${await res.text()}`);
    }
    return res.status === 204 ? undefined : res.json().catch(() => undefined);
  };
  const until = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`${api}/version`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > until) throw new DevstackSetupError(`Toxiproxy did not answer on ${api} within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const links: string[] = [];
  const heal = async () => {
    for (const name of links) {
      const present = (await call('GET', `/proxies/${name}/toxics`)) as Array<{ name: string }> | undefined;
      for (const toxic of present ?? []) await call('DELETE', `/proxies/${name}/toxics/${toxic.name}`);
    }
  };
  return {
    process,
    async link(name, listenPort, upstream) {
      await call('POST', '/proxies', { name, listen: `127.0.0.1:${listenPort}`, upstream, enabled: true });
      links.push(name);
      return `127.0.0.1:${listenPort}`;
    },
    async inject(fault) {
      for (const name of links) {
        for (const stream of ['upstream', 'downstream']) {
          for (const toxic of toxics(fault)) {
            await call('POST', `/proxies/${name}/toxics`, {
              name: `${fault.kind}-${stream}`,
              stream,
              toxicity: 1,
              ...toxic,
            });
          }
        }
      }
    },
    heal,
    stop: () => process.stop(),
  };
}
