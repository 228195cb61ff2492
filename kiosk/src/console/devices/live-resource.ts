import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LiveResourceOptions<T> {
  load: () => Promise<T>;
  /** The console's live events (`session.events`), read when the host connects. */
  events: () => EventTarget | undefined;
  /** Event types after which the data is loaded again (`resync` always is). */
  on: readonly string[];
  /** Loaded again this often whatever the events say: "offline" is the absence of events. */
  everyMs: number;
}

/**
 * Data a console page keeps current: loaded when the page opens, after the events that say
 * it changed, and every `everyMs`. Loads are coalesced: a burst of events costs one load in
 * flight and one after it.
 */
export class LiveResource<T> implements ReactiveController {
  value?: T;
  /** The last load's failure; the last good value is kept and still shown. */
  error?: unknown;
  /** Local ms of the last good load. */
  loadedAt = 0;
  private _events?: EventTarget;
  private _timer?: ReturnType<typeof setInterval>;
  private _inFlight?: Promise<void>;
  private _again = false;
  private readonly _onEvent = () => void this.refresh();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _o: LiveResourceOptions<T>,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._events = this._o.events();
    for (const t of [...this._o.on, 'resync']) this._events?.addEventListener(t, this._onEvent);
    this._timer = setInterval(this._onEvent, this._o.everyMs);
    void this.refresh();
  }

  hostDisconnected(): void {
    for (const t of [...this._o.on, 'resync']) this._events?.removeEventListener(t, this._onEvent);
    clearInterval(this._timer);
  }

  /** Loads now, or right after the load in flight. */
  refresh(): Promise<void> {
    if (this._inFlight) {
      this._again = true;
      return this._inFlight;
    }
    this._inFlight = this._load().finally(() => {
      this._inFlight = undefined;
      if (this._again) {
        this._again = false;
        void this.refresh();
      }
    });
    return this._inFlight;
  }

  private async _load(): Promise<void> {
    try {
      this.value = await this._o.load();
      this.loadedAt = Date.now();
      this.error = undefined;
    } catch (err) {
      this.error = err;
    }
    this._host.requestUpdate();
  }
}
