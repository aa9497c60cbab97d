/**
 * Progress on stderr: one rewritten line on a terminal, otherwise a line every few seconds, so a
 * run piped to a file still shows that it is alive.
 */
export class Progress {
  private readonly started = Date.now();
  private lastPrinted = 0;
  private done = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = '',
  ) {
    this.render(true);
  }

  tick(by = 1): void {
    this.done += by;
    this.render(this.done >= this.total);
  }

  finish(note = ''): void {
    if (this.tty || note || this.done < this.total) this.render(true, note);
    if (this.tty) process.stderr.write('\n');
  }

  private render(force: boolean, note = ''): void {
    const now = Date.now();
    if (!force && now - this.lastPrinted < (this.tty ? 200 : 5_000)) return;
    this.lastPrinted = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 && this.total > this.done ? ` eta ${Math.ceil((this.total - this.done) / rate)}s` : '';
    const line = `  ${this.label}: ${this.done}/${this.total}${this.unit} ${seconds.toFixed(1)}s (${rate.toFixed(1)}/s)${eta}${note ? ` ${note}` : ''}`;
    process.stderr.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }
}

/** A section heading on stderr. */
export function announce(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
