import { ManagedChild, startManagedChild, waitUntil } from '@onewindow/devstack';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** An app (api or worker) run as its own process from source, with every line it writes kept. */
export interface AppProcess {
  readonly child: ManagedChild;
  lines: string[];
  /** The JSON lines it wrote, parsed; other lines are skipped. */
  entries(): Array<Record<string, unknown>>;
  /** The first match of `pattern` in its output, waited for; fails at once, with its output, if it exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

export interface AppProcessOptions {
  /** Only `env` (and PATH and HOME), not this process's environment: what a deployment sets is all it has. */
  isolatedEnv?: boolean;
}

export function startAppProcess(
  app: 'api' | 'worker',
  env: Record<string, string>,
  { isolatedEnv = false }: AppProcessOptions = {},
): AppProcess {
  const lines: string[] = [];
  const inherited = isolatedEnv ? { PATH: process.env.PATH, HOME: process.env.HOME } : process.env;
  const child = startManagedChild({
    name: `the ${app === 'api' ? 'API' : 'worker'}`,
    command: process.execPath,
    args: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(ROOT, 'apps', app, 'src', 'main.ts')],
    cwd: ROOT,
    env: { ...inherited, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
    output: (line) => lines.push(line),
  });
  return {
    child,
    lines,
    entries: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    async waitForOutput(pattern, timeoutMs) {
      try {
        return await waitUntil(`${pattern} in its output`, () => pattern.exec(lines.join('\n')) ?? undefined, {
          timeoutMs,
          intervalMs: 100,
          child,
        });
      } catch (error) {
        throw new Error(`${(error as Error).message}; its output:\n${lines.join('\n')}`);
      }
    },
    stop: () => child.stop(),
  };
}
