import { describeExit, ManagedChild, startManagedChild } from './managed-child';

export interface SupervisedProcess {
  readonly name: string;
  /** The pid of the current child, if one runs. */
  pid(): number | undefined;
  /** Stops the child (SIGTERM, then SIGKILL after the grace period) and restarts it no more. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Output lines of the child, already split. */
  output?: (line: string) => void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A child that ran this long before dying is restarted after the initial back-off again. */
  healthyAfterMs?: number;
  stopGraceMs?: number;
}

/** Next back-off: doubled, capped. */
export function nextBackoff(current: number, initial: number, max: number): number {
  return Math.min(max, Math.max(initial, current * 2));
}

/**
 * Runs a child process and restarts it, with exponential back-off, whenever it exits on its own;
 * only stop() ends it for good.
 */
export function supervise(options: SuperviseOptions): SupervisedProcess {
  const {
    name,
    command,
    args,
    env,
    log,
    output = (line) => console.log(`[${name}] ${line}`),
    initialBackoffMs = 500,
    maxBackoffMs = 15_000,
    healthyAfterMs = 30_000,
    stopGraceMs = 15_000,
  } = options;
  let child: ManagedChild | undefined;
  let stopping = false;
  let backoff = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  const start = () => {
    const startedAt = Date.now();
    const current = startManagedChild({ name, command, args, env, output, stopGraceMs });
    child = current;
    void current.exited.then((exit) => {
      if (child === current) child = undefined;
      if (stopping) return;
      if (exit.error) log(`${name} could not start: ${exit.error.message}`);
      backoff =
        Date.now() - startedAt >= healthyAfterMs
          ? initialBackoffMs
          : nextBackoff(backoff, initialBackoffMs, maxBackoffMs);
      log(`${name} ${describeExit(exit)}; restarting in ${backoff} ms`);
      restartTimer = setTimeout(start, backoff);
    });
  };
  start();

  return {
    name,
    pid: () => child?.pid,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      await child?.stop();
    },
  };
}
