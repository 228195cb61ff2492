import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsoleSession } from '../console-context.ts';

/**
 * One ledger's list for the period the page shows (`?from=&to=`, the mall's dates), read on
 * open, when the period changes and on `read()` after a change. A late answer for an older
 * period never overwrites the newer one.
 */
export class LedgerRead<T> implements ReactiveController {
  data?: T;
  error?: string;
  private _query = '';
  private _seq = 0;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession,
    private readonly _path: string,
  ) {
    _host.addController(this);
  }

  /** The period to read; a new one is read at once. */
  set dates(d: { from: string; to: string }) {
    const q = `from=${d.from}&to=${d.to}`;
    if (q === this._query) return;
    this._query = q;
    void this.read();
  }

  hostConnected(): void {
    if (this._query) void this.read();
  }

  async read(): Promise<void> {
    const seq = ++this._seq;
    try {
      const data = await this._session().api.get<T>(`${this._path}?${this._query}`);
      if (seq !== this._seq) return;
      this.data = data;
      this.error = undefined;
    } catch (err) {
      if (seq !== this._seq) return;
      this.error = err instanceof Error ? err.message : String(err);
    }
    this._host.requestUpdate();
  }
}
