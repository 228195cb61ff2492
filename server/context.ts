import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAdmin } from './auth/bootstrap.ts';
import { loginThrottle } from './auth/rate-limit.ts';
import { authStore } from './auth/store.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { eventBus } from './events/bus.ts';
import { createLogger, type Logger } from './log.ts';
import { playLog } from './plays/play-log.ts';
import { importShippedMedia } from './media/import.ts';
import { startLoudnessBackfill } from './media/loudness-backfill.ts';
import { mediaLibrary } from './media/library.ts';
import { scheduleService } from './program/schedule-service.ts';
import { announcementStore } from './announcements/store.ts';
import { importPromosOnce } from './promos/import.ts';
import { promoStore } from './promos/store.ts';
import { scheduleStore, STORED_FILES, type StoredFile } from './program/schedule-store.ts';
import { importQueueOnce } from './queue/import.ts';
import { createQueue } from './queue/queue-service.ts';
import { renderSpeech, ttsDir } from './tts/render.ts';
import { espeakWasm } from './tts/synthesiser.ts';

/**
 * The composition root: everything a request or a job needs, built once from the config.
 * No module keeps state of its own, so a test builds a whole server of its own.
 */
export async function createContext(config: Config, log: Logger = createLogger(config.logLevel)) {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, 'deskcast.sqlite'));
  const now = () => new Date();
  const auth = authStore(db);
  await ensureAdmin(auth, log, now(), config.adminPassword);
  const bus = eventBus(db, log);
  const closers: (() => void)[] = [];
  const synth = espeakWasm();
  closers.push(() => synth.close());

  // The media library; on first start it imports the shipped folder, before the program loads.
  const media = mediaLibrary(db, join(config.dataDir, 'media'), log);
  await importShippedMedia(media, config.mediaDir, log, now());
  closers.push(startLoudnessBackfill(media, log));
  // Promos live in their table; on first start they are imported from promos.yaml, before
  // the program loads (it is checked against them).
  const promos = promoStore(db);
  importPromosOnce(promos, config.schedulesDir, log, now());

  const schedules = scheduleService({
    store: scheduleStore(db),
    bus,
    log,
    catalogue: () => media.catalogue(),
    promos: () => promos.all(),
    now,
  });
  schedules.seed(readScheduleFolder(config.schedulesDir), 'import');
  schedules.reload();

  // The front-desk queue; on first start its services and counters come from queue.yaml.
  importQueueOnce(db, config.schedulesDir, log);
  const queue = createQueue({ db, bus, log, now, schedules });
  closers.push(queue.stop);

  const ctx = {
    config,
    log,
    db,
    now,
    auth,
    loginThrottle: loginThrottle(),
    bus,
    schedules,
    media,
    promos,
    announcements: announcementStore(db),
    /** Text-to-speech: each distinct text rendered once into `DATA_DIR/tts`, then reused. */
    speech: { render: (text: string) => renderSpeech(text, ttsDir(config.dataDir), synth) },
    /** The as-played log and each player's latest playback state. */
    plays: playLog(db),
    /** The front-desk queue: tickets, counters, calls, figures. */
    queue,
    /** Registers something to close on shutdown (open event streams, timers). */
    onClose(fn: () => void): () => void {
      closers.push(fn);
      return () => {
        const i = closers.indexOf(fn);
        if (i >= 0) closers.splice(i, 1);
      };
    },
    /** Ends open event streams and jobs (first step of a shutdown). */
    closeStreams(): void {
      for (const close of closers.splice(0).reverse()) {
        try {
          close();
        } catch (err) {
          log.warn('close failed', { err: String(err) });
        }
      }
    },
    /** Closes everything, the database last. */
    destroy(): void {
      this.closeStreams();
      if (db.open) db.close();
    },
  };
  return ctx;
}
export type AppContext = Awaited<ReturnType<typeof createContext>>;

function readScheduleFolder(dir: string): Record<StoredFile, string> {
  return Object.fromEntries(
    STORED_FILES.map((f) => [f, readFileSync(join(dir, `${f}.yaml`), 'utf8')]),
  ) as Record<StoredFile, string>;
}
