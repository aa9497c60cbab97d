import { open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from './process-alive';

export interface FileLock {
  release(): Promise<void>;
}

/**
 * An exclusive lock held by creating a file that holds the owner's pid; a lock left by a dead
 * process is taken over, so a crashed build never blocks later runs.
 */
export async function acquireFileLock(
  lockPath: string,
  opts: { timeoutMs: number; pollMs?: number; onWait?: (ownerPid: number) => void },
): Promise<FileLock> {
  const deadline = Date.now() + opts.timeoutMs;
  let reportedWait = false;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const ownerPid = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    // An empty file is a lock being written right now; only a dead owner makes it stale.
    if (Number.isInteger(ownerPid) && ownerPid > 0 && !isProcessAlive(ownerPid)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for the lock ${lockPath} held by process ${ownerPid}`);
    }
    if (!reportedWait && Number.isInteger(ownerPid)) {
      opts.onWait?.(ownerPid);
      reportedWait = true;
    }
    await sleep(opts.pollMs ?? 1_000);
  }
}
