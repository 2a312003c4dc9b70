/** A one-line progress bar on a TTY; on anything else nothing (callers print plain result lines instead). */
export class ProgressBar {
  private lastDraw = 0;
  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly label: string,
  ) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  update(done: number, total: number, detail = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const width = 24;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const columns = this.stream.columns ?? 100;
    const line = `${this.label} ${bar} ${done}/${total} ${detail}`.slice(0, columns - 1);
    this.stream.write(`\r\x1b[2K${line}`);
  }

  done(): void {
    if (this.enabled) this.stream.write('\r\x1b[2K');
  }
}
