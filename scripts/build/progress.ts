/**
 * Progress of a long build on stderr: in a terminal, one line redrawn in place (a bar, counts,
 * rate, time left); otherwise (CI, a log file) a plain line at every 5%, so logs stay short.
 */
export class Progress {
  private done = 0;
  private started = performance.now();
  private lastDraw = 0;
  private lastStep = 0;
  private tty: boolean;
  constructor(private label: string, private total: number, private out: NodeJS.WriteStream = process.stderr) {
    this.tty = out.isTTY === true;
  }
  tick(n = 1): void {
    this.done += n;
    const now = performance.now();
    if (this.tty) {
      if (now - this.lastDraw > 100 || this.done === this.total) {
        this.lastDraw = now;
        this.out.write(`\r${this.line(now)}\x1b[K`);
      }
      return;
    }
    // Plain lines only where there is enough to be worth it (20 or more items).
    const step = Math.floor((20 * this.done) / Math.max(this.total, 1));
    if (this.total >= 20 && step > this.lastStep) {
      this.lastStep = step;
      this.out.write(`${this.line(now)}\n`);
    }
  }
  private line(now: number): string {
    const s = (now - this.started) / 1000;
    const rate = s > 0 ? this.done / s : 0;
    const pct = this.total ? (100 * this.done) / this.total : 100;
    const left = rate > 0 ? (this.total - this.done) / rate : 0;
    const n = (x: number) => x.toLocaleString('en');
    if (!this.tty) return `  ${this.label} ${n(this.done)}/${n(this.total)} (${pct.toFixed(0)}%), ${rate.toFixed(0)}/s`;
    const width = 24, full = Math.round((width * pct) / 100);
    return `  ${this.label} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${n(this.done)}/${n(this.total)} ${pct.toFixed(0)}% · ${rate.toFixed(0)}/s · ${left.toFixed(0)} s left`;
  }
  /** Ends the progress line (a terminal's in-place line gets its newline). */
  end(): number {
    if (this.tty && this.total > 0) this.out.write('\n');
    return (performance.now() - this.started) / 1000;
  }
}

/** Seconds of each stage, for the closing summary. */
export class Stages {
  private times: [string, number][] = [];
  private t = performance.now();
  /**
   * Ends the stage running since the last mark; `lent` seconds of it belong to the stage marked
   * next (two stages done in one pass, one of them timed apart).
   */
  mark(name: string, lent = 0): void {
    const now = performance.now();
    this.times.push([name, (now - this.t) / 1000 - lent]);
    this.t = now - lent * 1000;
  }
  toString(): string {
    const total = this.times.reduce((s, [, x]) => s + x, 0);
    return `Time: ${this.times.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(', ')}; total ${total.toFixed(1)} s`;
  }
}
