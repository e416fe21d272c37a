/**
 * The loop of a queue worker: runs `round` after a delay (at once on start), then again after the delay that round
 * resolved with; at once when kicked, or after the round in progress when kicked during one. Never two rounds at a
 * time. A round that throws is reported to `onError`, which says when to try again. The timers do not keep the
 * process alive.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private ended = false;

  constructor(
    private readonly round: () => Promise<number>,
    private readonly onError: (error: Error) => number,
  ) {}

  /** True once `stop()` was called: a round in progress ends early. */
  get stopped(): boolean {
    return this.ended;
  }

  start(): void {
    this.schedule(0);
  }

  /** Something was queued: run a round now rather than at the next poll. */
  kick(): void {
    if (this.ended) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Ends the loop, once the round in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.ended = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.ended) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.round()
        .catch((error: Error) => this.onError(error))
        .then((next) => {
          this.running = undefined;
          const wait = this.again ? 0 : next;
          this.again = false;
          this.schedule(wait);
        });
    }, delay);
    this.timer.unref();
  }
}
