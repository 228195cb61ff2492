import type { PlayReport } from '../../../core/play-report.ts';
import type { Api } from '../lib/api.ts';

// The report's shape is the server's schema: one definition for what is sent and accepted.
export type { PlayReport };

const DB = 'deskcast-player';
const STORE = 'reports';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'reportId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Reports kept in IndexedDB until the server has them: an outage loses nothing, and a report
 * uploaded twice is counted once (the server ignores a reportId it has).
 */
export class PlayLog {
  private readonly _db = openDb();
  private _flushing = false;
  /** A flush asked for while one runs (an announcement just played): run once more after it. */
  private _again = false;
  pending = 0;

  constructor(private readonly _api: Api) {}

  async add(report: PlayReport): Promise<void> {
    const db = await this._db;
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(report);
    await done(tx);
    this.pending++;
  }

  /** Uploads what is kept, 500 at a time; stops quietly at the first failure. */
  async flush(): Promise<void> {
    if (this._flushing) {
      this._again = true;
      return;
    }
    this._flushing = true;
    this._again = false;
    try {
      const db = await this._db;
      for (;;) {
        const batch = await new Promise<PlayReport[]>((resolve, reject) => {
          const req = db.transaction(STORE).objectStore(STORE).getAll(undefined, 500);
          req.onsuccess = () => resolve(req.result as PlayReport[]);
          req.onerror = () => reject(req.error);
        });
        this.pending = batch.length;
        if (batch.length === 0) break;
        await this._api.post('/api/plays', { reports: batch });
        const tx = db.transaction(STORE, 'readwrite');
        for (const r of batch) tx.objectStore(STORE).delete(r.reportId);
        await done(tx);
      }
    } catch {
      /* offline or refused: kept for the next try */
      this._again = false;
    } finally {
      this._flushing = false;
    }
    if (this._again) await this.flush();
  }
}
