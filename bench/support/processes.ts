import { ManagedChild, startManagedChild } from '@onewindow/devstack';
import { readFile, readdir } from 'node:fs/promises';

const CLOCK_TICKS = 100;
const STOP_GRACE_MS = 10_000;

/** A Node.js process the bench started, its output appended to a log file. */
export type Child = ManagedChild & { pid: number };

export function startChild(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  nodeArgs: string[] = [],
): Child {
  const child = startManagedChild({
    name,
    command: process.execPath,
    args: [...nodeArgs, entry],
    env,
    output: { file: logFile },
    stopGraceMs: STOP_GRACE_MS,
  });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${entry})`);
  return child as Child;
}

export interface ProcessSample {
  /** Resident set size now, and its peak since the process started (VmHWM), in MiB. */
  rssMiB: number;
  peakRssMiB: number;
  /** User + system CPU seconds since the process started. */
  cpuSeconds: number;
}

/** Memory and CPU of a process from /proc (Linux); undefined where /proc does not tell. */
export async function sampleProcess(pid: number): Promise<ProcessSample | undefined> {
  try {
    const [status, stat] = await Promise.all([
      readFile(`/proc/${pid}/status`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    return { rssMiB: kb('VmRSS') / 1024, peakRssMiB: kb('VmHWM') / 1024, cpuSeconds };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by every process of that command name on this machine, with the
 * children they have reaped (PostgreSQL's exited backends count towards the postmaster).
 */
export async function cpuOfProcessesNamed(name: string): Promise<number> {
  let ticks = 0;
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (/\((.*)\)/.exec(stat)?.[1] !== name) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / CLOCK_TICKS;
}

/** Children of this process whose command name matches, e.g. the Temporal dev server the devstack started. */
export async function childPidsNamed(name: string): Promise<number[]> {
  const found: number[] = [];
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const comm = /\((.*)\)/.exec(stat)?.[1];
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (comm === name && ppid === process.pid) found.push(Number(entry));
  }
  return found;
}
