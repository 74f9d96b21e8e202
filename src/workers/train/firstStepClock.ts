// The first-step figure ("first step after 4.2 s"): from Start, or a step by hand, to the status
// that shows the first finished step, its losses and pictures posted just before. The page
// says "compiling" over the same span, so the two agree; the wait for step 0's quality
// measurement is in both.

export class FirstStepClock {
  private startedAt: number | null = null;
  private stepDone = false;
  private ms: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Training begins: the span starts, unless it already has in this run. */
  start(): void {
    this.startedAt ??= this.now();
  }

  /** A step has finished: the figure is taken at the next status. */
  stepFinished(): void {
    this.stepDone = true;
  }

  /** What a status reports: the figure, taken now if a step has finished since the start. */
  atStatus(): number | null {
    if (this.ms === null && this.stepDone && this.startedAt !== null) {
      this.ms = this.now() - this.startedAt;
    }
    return this.ms;
  }

  /** A new run: no start, no figure. */
  restart(): void {
    this.startedAt = null;
    this.stepDone = false;
    this.ms = null;
  }
}
