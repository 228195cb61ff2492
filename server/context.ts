import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAdmin } from './auth/bootstrap.ts';
import { loginThrottle } from './auth/rate-limit.ts';
import { authStore } from './auth/store.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { eventBus } from './events/bus.ts';
import { createLogger, type Logger } from './log.ts';
import type { MediaCatalogue } from './media/catalogue.ts';
import { scanMedia } from './media/scan.ts';
import { promosFileSchema, type Promo } from './program/promo-schema.ts';
import { scheduleService } from './program/schedule-service.ts';
import { scheduleStore, STORED_FILES, type StoredFile } from './program/schedule-store.ts';
import { parse as parseYamlText } from 'yaml';

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

  // Media and promos: read from the shipped folders until their own stores take over.
  const scanned = await scanMedia(config.mediaDir);
  const catalogue: MediaCatalogue = scanned.catalogue;
  for (const p of scanned.problems) log.warn('media file skipped', { ...p });
  const promos: readonly Promo[] = readPromos(config.schedulesDir);

  const schedules = scheduleService({
    store: scheduleStore(db),
    bus,
    log,
    catalogue: () => catalogue,
    promos: () => promos,
    now,
  });
  schedules.seed(readScheduleFolder(config.schedulesDir), 'import');
  schedules.reload();

  const ctx = {
    config,
    log,
    db,
    now,
    auth,
    loginThrottle: loginThrottle(),
    bus,
    schedules,
    media: { catalogue: () => catalogue },
    promos: { all: () => promos },
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

function readPromos(dir: string): readonly Promo[] {
  try {
    return promosFileSchema.parse(
      parseYamlText(readFileSync(join(dir, 'promos.yaml'), 'utf8')) ?? {},
    ).promos;
  } catch {
    return [];
  }
}
