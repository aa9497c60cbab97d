import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** An app (api or worker) run as its own process from source, with every line it writes kept. */
export interface AppProcess {
  lines: string[];
  /** The JSON lines it wrote, parsed; other lines are skipped. */
  entries(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export function startAppProcess(app: 'api' | 'worker', env: Record<string, string>): AppProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(ROOT, 'apps', app, 'src', 'main.ts')],
    { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    lines,
    entries: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
