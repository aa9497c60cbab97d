import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startManagedChild } from './managed-child';
import { waitUntil } from './wait-until';

const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });

describe(startManagedChild.name, () => {
  it('hands each whole line of stdout and stderr to the output callback and tells how it exited', async () => {
    const lines: string[] = [];
    const child = startManagedChild({
      name: 'talker',
      ...node(
        "process.stdout.write('one\\ntw'); setTimeout(() => { process.stdout.write('o\\n'); console.error('three'); process.exit(3); }, 20)",
      ),
      output: (line) => lines.push(line),
    });
    await expect(child.exited).resolves.toEqual({ code: 3, signal: null });
    expect(lines.sort()).toEqual(['one', 'three', 'two']);
    expect(child.exit()).toEqual({ code: 3, signal: null });
  });

  it('appends its output to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'managed-child-')), 'out.log');
    await startManagedChild({ name: 'writer', ...node("console.log('logged')"), output: { file } }).exited;
    expect(readFileSync(file, 'utf8')).toBe('logged\n');
  });

  it('stops a child that ignores SIGTERM with SIGKILL after the grace period', async () => {
    const lines: string[] = [];
    const child = startManagedChild({
      name: 'stubborn',
      ...node("process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"),
      output: (line) => lines.push(line),
      stopGraceMs: 200,
    });
    // Its SIGTERM handler is in place once it says so.
    await waitUntil('the child to be ready', () => lines.includes('ready'), { timeoutMs: 5_000, child });
    await child.stop();
    await expect(child.exited).resolves.toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('says why a command could not start', async () => {
    const child = startManagedChild({ name: 'missing', command: '/nonexistent/program' });
    const exit = await child.exited;
    expect(exit.error?.message).toContain('ENOENT');
  });
});

describe(waitUntil.name, () => {
  it('returns the first value the probe gives, trying again after a throw', async () => {
    let calls = 0;
    const value = await waitUntil(
      'the third call',
      () => {
        calls += 1;
        if (calls === 1) throw new Error('not yet');
        return calls === 3 ? 'done' : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 1 },
    );
    expect(value).toBe('done');
  });

  it('names what it waited for and the last error when the time is up', async () => {
    await expect(
      waitUntil('the impossible', () => Promise.reject(new Error('refused')), { timeoutMs: 50, intervalMs: 10 }),
    ).rejects.toThrow('Timed out after 0.05 s waiting for the impossible (last: refused)');
  });

  it('gives up at once when the child it waits on has ended', async () => {
    const child = startManagedChild({ name: 'the server', ...node('process.exit(2)') });
    await child.exited;
    await expect(waitUntil('the server to listen', () => false, { timeoutMs: 60_000, child })).rejects.toThrow(
      'the server exited with code 2 while waiting for the server to listen',
    );
  });
});
