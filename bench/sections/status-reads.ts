import autocannon from 'autocannon';
import type { BenchStack } from '../stack';
import type { HttpClient } from '../load/http-client';
import { CpuSnapshot, withCpu } from '../support/cpu';
import { announce, Progress } from '../support/progress';
import { ratio, round } from '../support/stats';

export interface ReadRun {
  path: string;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  cpuSeconds: CpuSnapshot;
}

export interface StatusReadsResult {
  seconds: number;
  connections: number;
  distinctRequests: number;
  status: ReadRun;
  constant: ReadRun;
  ratio: number;
  ratioP99: number;
  target: string;
  met: boolean;
}

const WARM_UP_SECONDS = 2;

/**
 * The applicant's status page under closed-loop load (autocannon), over many requests with full
 * timelines, against the bench's constant endpoint behind the same auth, in the same API process.
 */
export async function measureStatusReads(
  stack: BenchStack,
  http: HttpClient,
  opts: { seconds: number; connections: number; requestIds: string[]; applicant: string },
): Promise<StatusReadsResult> {
  const token = await http.token(opts.applicant);
  const ids = opts.requestIds;
  announce(`status reads: ${opts.seconds}s each at ${opts.connections} connections over ${ids.length} requests`);
  let next = 0;
  const statusPath = () => `/requests/${ids[next++ % ids.length]}`;
  const run = async (label: string, path: () => string): Promise<ReadRun> => {
    await load(stack.apiUrl, token, WARM_UP_SECONDS, opts.connections, path);
    const progress = new Progress(label, opts.seconds, 's');
    const timer = setInterval(() => progress.tick(), 1000);
    const { result, cpu } = await withCpu(stack, () => load(stack.apiUrl, token, opts.seconds, opts.connections, path));
    clearInterval(timer);
    progress.finish();
    return {
      path: label,
      requestsPerSecond: round(result.requests.total / opts.seconds),
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      cpuSeconds: cpu,
    };
  };
  const constant = await run('GET /bench/constant', () => '/bench/constant');
  const status = await run('GET /requests/:id', statusPath);
  const r = ratio(status.requestsPerSecond, constant.requestsPerSecond);
  return {
    seconds: opts.seconds,
    connections: opts.connections,
    distinctRequests: ids.length,
    status,
    constant,
    ratio: r,
    ratioP99: ratio(status.latencyMs.p99, constant.latencyMs.p99),
    target: '>= 0.5x the constant endpoint',
    met: r >= 0.5 && [status, constant].every((side) => side.non2xx === 0 && side.errors === 0),
  };
}

export function load(
  apiUrl: string,
  token: string,
  seconds: number,
  connections: number,
  path: () => string,
): Promise<autocannon.Result> {
  return autocannon({
    url: apiUrl,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
}
