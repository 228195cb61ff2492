import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsoleSession } from '../console-context.ts';

/**
 * What a page shows from one GET: loaded when the page opens, and again whenever the server
 * says it changed (the `events` given) or the event stream resynced. The latest load wins.
 */
export class LiveLoad<T> implements ReactiveController {
  value?: T;
  error?: string;
  private _events?: EventTarget;
  private _seq = 0;
  private readonly _onChange = () => void this.load();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession | undefined,
    private readonly _path: string,
    private readonly _on: readonly string[],
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._events = this._session()?.events;
    for (const t of [...this._on, 'resync']) this._events?.addEventListener(t, this._onChange);
    void this.load();
  }

  hostDisconnected(): void {
    for (const t of [...this._on, 'resync']) this._events?.removeEventListener(t, this._onChange);
  }

  async load(): Promise<void> {
    const session = this._session();
    if (!session) return;
    const seq = ++this._seq;
    try {
      const value = await session.api.get<T>(this._path);
      if (seq !== this._seq) return;
      this.value = value;
      this.error = undefined;
    } catch (err) {
      if (seq !== this._seq) return;
      this.error = err instanceof Error ? err.message : String(err);
    }
    this._host.requestUpdate();
  }
}
