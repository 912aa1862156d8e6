/**
 * Long work on the server in slices: `due()` is true once `sliceMs` of work
 * has passed since the last turn, and `pause()` gives the event loop a turn
 * (other requests are served) and starts the next slice.
 *
 *   const pace = new Pace();
 *   for (const x of many) {
 *     if (pace.due()) await pace.pause();
 *     work(x);
 *   }
 */
export class Pace {
  private deadline: number;
  constructor(private readonly sliceMs = 12) {
    this.deadline = performance.now() + sliceMs;
  }

  due(): boolean {
    return performance.now() > this.deadline;
  }

  async pause(): Promise<void> {
    await Pace.turn();
    this.deadline = performance.now() + this.sliceMs;
  }

  /** One turn of the event loop for whatever is waiting (I/O and timers first). */
  static turn(): Promise<void> {
    return new Promise<void>((resolve) => setImmediate(resolve));
  }
}
