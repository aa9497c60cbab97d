/** Turns a stream of chunks into whole lines, so log callbacks never receive half a line. */
export function createLineSplitter(onLine: (line: string) => void): {
  push(chunk: Buffer | string): void;
  end(): void;
} {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk.toString();
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    },
    end() {
      if (pending.trim()) onLine(pending);
      pending = '';
    },
  };
}

/** Keeps the last lines of a process' output for error messages without holding all of it. */
export class TailBuffer {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 40) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
