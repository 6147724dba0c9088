import type { ReactiveController, ReactiveControllerHost } from 'lit';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The campaign's last hour (deadline night): `lastHour` turns true when less than an hour is
 * left before `closesAt` and false once it has passed, measured on the session's clock (the
 * server's), so the visitor's wrong clock or time zone cannot hide the warning.
 */
export class DeadlineController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #closesAt: () => string | undefined;
  readonly #now: () => Date;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #watched: string | undefined;

  constructor(host: ReactiveControllerHost, closesAt: () => string | undefined, now: () => Date) {
    this.#host = host;
    this.#closesAt = closesAt;
    this.#now = now;
    host.addController(this);
  }

  get lastHour(): boolean {
    const closesAt = this.#closesAt();
    if (!closesAt) return false;
    const left = Date.parse(closesAt) - this.#now().getTime();
    return left > 0 && left <= HOUR_MS;
  }

  /** Re-arms the timer for the next boundary (the hour before, then the close) when the campaign changes. */
  hostUpdated(): void {
    const closesAt = this.#closesAt();
    if (closesAt === this.#watched) return;
    this.#watched = closesAt;
    this.#arm();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#watched = undefined;
  }

  #arm(): void {
    clearTimeout(this.#timer);
    if (!this.#watched) return;
    const left = Date.parse(this.#watched) - this.#now().getTime();
    const next = left > HOUR_MS ? left - HOUR_MS : left;
    // setTimeout holds 32 bits of milliseconds (about 24 days): farther boundaries wait in steps.
    if (next > 0) this.#timer = setTimeout(() => (this.#host.requestUpdate(), this.#arm()), Math.min(next + 50, 2 ** 31 - 1));
  }
}
