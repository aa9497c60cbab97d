import { nextBackoff, supervise } from './supervisor';

describe(supervise.name, () => {
  it('doubles the back-off up to the cap', () => {
    expect([0, 500, 1000, 8000, 15_000].map((b) => nextBackoff(b, 500, 15_000))).toEqual([
      500, 1000, 2000, 15_000, 15_000,
    ]);
  });

  it('restarts a child that dies, and stops it for good on stop()', async () => {
    const lines: string[] = [];
    const sut = supervise({
      name: 'child',
      command: process.execPath,
      args: ['-e', 'console.log("started " + process.pid); setTimeout(() => process.exit(3), 50)'],
      log: () => undefined,
      output: (line) => lines.push(line),
      initialBackoffMs: 10,
    });
    const deadline = Date.now() + 20_000;
    while (lines.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await sut.stop();

    expect(new Set(lines).size).toBeGreaterThanOrEqual(3);
    const count = lines.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(lines.length).toBe(count);
    expect(sut.pid()).toBeUndefined();
  });
});
