import type { BackendInfo } from '../messages.ts';

// Where the device is software (WebGPU's fallback adapter, WebGL on SwiftShader, the CPU
// backend), its work runs on the same CPU cores as the page. While a chunk trains, a redraw of
// the loss chart (~20 ms of work) is stretched to 50–250 ms: the main thread waits for a core.
// So there the trainer, after posting a chunk's losses, pictures and status, waits until the
// page says it has painted them (`painted`), or at most MAX_WAIT_MS, before it queues the next
// chunk: the page draws on idle cores. On a hardware GPU the page and the device do not compete
// for cores, and the trainer does not wait.

/** Long enough for a frame and a chart redraw; short enough that a busy page never stalls a run. */
const MAX_WAIT_MS = 200;

/** True where the device's work takes the page's CPU cores; `active` is tfjs's backend now. */
export function deviceSharesCpu(active: string, first: BackendInfo | null): boolean {
  if (active === 'cpu') return true; // also the 2-D data's automatic CPU backend
  if (!first || first.name !== active) return false;
  if (active === 'webgpu') return first.isFallbackAdapter === true;
  return /swiftshader|llvmpipe|software/i.test(first.adapter);
}

// Each wait has a ticket, which the status names and the page's answer echoes. Without it, one
// late answer (after MAX_WAIT_MS) would arrive while the next chunk trains and end the wait
// after that chunk at once; every answer after it would then be one chunk late, and the page
// would redraw while the worker trains, for the rest of the run.
export class PagePacer {
  private tickets = 0;
  private waiting: { ticket: number; resolve: () => void } | null = null;

  /**
   * Sends a chunk's last post with `send`. Where `paced`, the post carries a ticket for the page
   * to echo once it has painted, and this resolves on that answer or after MAX_WAIT_MS; where
   * not (a hardware device), the post carries null and this resolves at once.
   */
  async postAndWait(paced: boolean, send: (ticket: number | null) => void): Promise<void> {
    if (!paced) return send(null);
    const ticket = ++this.tickets;
    const answered = new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.painted(ticket), MAX_WAIT_MS);
      this.waiting = {
        ticket,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
    send(ticket);
    await answered;
  }

  /** The page painted everything posted up to the status that carried `ticket`. */
  painted(ticket: number): void {
    if (this.waiting?.ticket !== ticket) return; // late: its wait already timed out
    this.waiting.resolve();
    this.waiting = null;
  }
}
