import { parseArgs } from 'node:util';
export const SECTIONS = ['throughput', 'latency', 'reads', 'scale', 'audit', 'web', 'documents'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  quick: boolean;
  /** Requests driven to their final decision in the throughput section. */
  requests: number;
  /** Requests in flight at once (each worked by its own simulated clerks). */
  concurrency: number;
  /** Requests whose decisions are timed one by one in the latency section. */
  latencyRequests: number;
  latencyConcurrency: number;
  readSeconds: number;
  readConnections: number;
  openTasks: number;
  transitions: number;
  queueQueries: number;
  auditCases: number;
  /** Timed loads of the request page in headless Chromium (web section). */
  pageLoads: number;
  sections: Section[];
  keepDatabase: boolean;
  /** CPU-profile the api and worker processes (main threads) and summarise where their time goes. */
  profile: boolean;
  outDir: string;
}

interface Setting {
  flag: string;
  env: string;
  full: number;
  quick: number;
  key: keyof BenchOptions;
  help: string;
}

const NUMERIC: Setting[] = [
  {
    flag: 'requests',
    env: 'BENCH_REQUESTS',
    full: 500,
    quick: 30,
    key: 'requests',
    help: 'requests in the throughput run',
  },
  { flag: 'concurrency', env: 'BENCH_CONCURRENCY', full: 16, quick: 8, key: 'concurrency', help: 'requests in flight' },
  {
    flag: 'latency-requests',
    env: 'BENCH_LATENCY_REQUESTS',
    full: 60,
    quick: 6,
    key: 'latencyRequests',
    help: 'requests whose decisions are timed',
  },
  {
    flag: 'latency-concurrency',
    env: 'BENCH_LATENCY_CONCURRENCY',
    full: 2,
    quick: 2,
    key: 'latencyConcurrency',
    help: 'requests in flight while timing decisions',
  },
  {
    flag: 'read-seconds',
    env: 'BENCH_READ_SECONDS',
    full: 10,
    quick: 3,
    key: 'readSeconds',
    help: 'seconds per read run',
  },
  {
    flag: 'read-connections',
    env: 'BENCH_READ_CONNECTIONS',
    full: 16,
    quick: 8,
    key: 'readConnections',
    help: 'HTTP connections of the read load',
  },
  {
    flag: 'open-tasks',
    env: 'BENCH_OPEN_TASKS',
    full: 100_000,
    quick: 10_000,
    key: 'openTasks',
    help: 'seeded open tasks',
  },
  {
    flag: 'transitions',
    env: 'BENCH_TRANSITIONS',
    full: 1_000_000,
    quick: 100_000,
    key: 'transitions',
    help: 'seeded transitions',
  },
  {
    flag: 'queue-queries',
    env: 'BENCH_QUEUE_QUERIES',
    full: 500,
    quick: 100,
    key: 'queueQueries',
    help: 'timed queries per scale measurement',
  },
  {
    flag: 'audit-cases',
    env: 'BENCH_AUDIT_CASES',
    full: 1_000,
    quick: 40,
    key: 'auditCases',
    help: 'finished cases audited',
  },
  {
    flag: 'page-loads',
    env: 'BENCH_PAGE_LOADS',
    full: 20,
    quick: 20,
    key: 'pageLoads',
    help: 'timed loads of the request page in headless Chromium',
  },
];

export const USAGE = [
  'npm run bench -- [--quick] [--sections=throughput,latency,reads,scale,audit,web,documents] [--profile] [--keep-db] [--out=bench-results]',
  ...NUMERIC.map((s) => `  --${s.flag}=N (${s.env}; default ${s.full}, quick ${s.quick}): ${s.help}`),
].join('\n');

/** Flags win over BENCH_* environment variables, which win over the defaults of the full or quick run. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' },
        sections: { type: 'string' },
        'keep-db': { type: 'boolean' },
        profile: { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean' },
        ...Object.fromEntries(NUMERIC.map((s) => [s.flag, { type: 'string' as const }])),
      },
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  if (flags.help) throw new Error(USAGE);

  const quick = flags.quick === true || env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const options: Record<string, unknown> = {
    quick,
    sections: parseSections((flags.sections as string | undefined) ?? env.BENCH_SECTIONS),
    keepDatabase: flags['keep-db'] === true,
    profile: flags.profile === true || env.BENCH_PROFILE === '1',
    outDir: flags.out ?? env.BENCH_OUT ?? 'bench-results',
  };
  for (const s of NUMERIC) {
    const raw = (flags[s.flag] as string | undefined) ?? env[s.env];
    const value = raw === undefined || raw === '' ? (quick ? s.quick : s.full) : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${s.flag} (${s.env}) must be a positive integer`);
    options[s.key] = value;
  }
  return options as unknown as BenchOptions;
}

function parseSections(raw: string | undefined): Section[] {
  if (!raw) return [...SECTIONS];
  const picked = raw.split(',').map((s) => s.trim());
  for (const s of picked) {
    if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`Unknown section ${s} (${SECTIONS.join(', ')})`);
  }
  return picked as Section[];
}
