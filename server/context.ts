import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAdmin } from './auth/bootstrap.ts';
import { signInThrottle } from './auth/sign-in-throttle.ts';
import { pairingStore } from './auth/pairing-store.ts';
import { authStore } from './auth/store.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { eventBus } from './events/bus.ts';
import { streamPresence } from './events/presence.ts';
import { createLogger, type Logger } from './log.ts';
import { playLog } from './plays/play-log.ts';
import { playReport } from './plays/report.ts';
import { importShippedMedia } from './media/import.ts';
import { startLoudnessBackfill } from './media/loudness-backfill.ts';
import { mediaLibrary } from './media/library.ts';
import { STORED_NAME } from './media/formats.ts';
import { sweepOrphans } from './media/orphans.ts';
import { IMAGE_NAME } from './merchants/image-formats.ts';
import { scheduleService } from './program/schedule-service.ts';
import { announcementStore } from './announcements/store.ts';
import { complaintStore } from './records/complaint-store.ts';
import { callbackStore } from './records/callback-store.ts';
import { saleStore } from './records/sale-store.ts';
import { visitStore } from './records/visit-store.ts';
import { ledgerStores } from './records/ledgers.ts';
import { reportJobs } from './reports/report-jobs.ts';
import { templateStore } from './announcements/template-store.ts';
import { guideService } from './guide/guide-service.ts';
import { guideScreenStore } from './guide/here-store.ts';
import { importMerchantsOnce } from './merchants/import-file.ts';
import { imageStore } from './merchants/image-store.ts';
import { merchantStore } from './merchants/store.ts';
import { importPromosOnce } from './promos/import.ts';
import { promoStore } from './promos/store.ts';
import { scheduleStore, STORED_FILES, type StoredFile } from './program/schedule-store.ts';
import { importQueueOnce } from './queue/import.ts';
import { deviceStatus } from './system/device-status.ts';
import { createQueue } from './queue/queue-service.ts';
import { ttsDir } from './tts/render.ts';
import { speechService } from './tts/speech-service.ts';
import { espeakWasm } from './tts/synthesiser.ts';
import { providerFromConfig } from './weather/providers.ts';
import { forecastLookup, weatherService } from './weather/weather-service.ts';
import { weatherStore } from './weather/weather-store.ts';
import { addDays, datesBetween } from '../core/zoned-time.ts';

export interface ContextOptions {
  /** The server's clock; the wall clock unless a test injects one. */
  now?: () => Date;
}

/**
 * The composition root: everything a request or a job needs, built once from the config.
 * No module keeps state of its own, so a test builds a whole server of its own.
 */
export async function createContext(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: ContextOptions = {},
) {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, 'deskcast.sqlite'));
  // The one clock the server reads: a test moves it to step the date as NTP or a BIOS would.
  const now = options.now ?? (() => new Date());
  const auth = authStore(db);
  await ensureAdmin(auth, log, now(), config.adminPassword);
  const bus = eventBus(db, log, now);
  const closers: (() => void)[] = [];
  const synth = espeakWasm();
  closers.push(() => synth.close());

  // The media library; on first start it imports the shipped folder, before the program loads.
  const media = mediaLibrary(db, join(config.dataDir, 'media'), log);
  // Files stored by an upload the server was killed before recording: never served, removed.
  sweepOrphans({
    dir: join(config.dataDir, 'media'),
    pattern: STORED_NAME,
    used: media.usesFile,
    log,
    what: 'media',
  });
  await importShippedMedia(media, config.mediaDir, log, now());
  closers.push(startLoudnessBackfill(media, log));
  // Merchants and their promos live in their tables; on first start they are imported from
  // merchants.yaml and promos.yaml, before the program loads (it is checked against them).
  const merchants = merchantStore(db);
  sweepOrphans({
    dir: join(config.dataDir, 'images'),
    pattern: IMAGE_NAME,
    used: merchants.usesLogo,
    log,
    what: 'image',
  });
  importMerchantsOnce(merchants, config.schedulesDir, log, now());
  const promos = promoStore(db, merchants);
  importPromosOnce(promos, merchants, config.schedulesDir, log, now());

  // The day's forecast, typed in or fetched: the plans speak it.
  const forecasts = weatherStore(db);
  const schedules = scheduleService({
    store: scheduleStore(db),
    bus,
    log,
    catalogue: () => media.catalogue(),
    promos: () => promos.all(),
    now,
    forecast: forecastLookup(forecasts, config.weather.city),
  });
  schedules.seed(readScheduleFolder(config.schedulesDir), 'import');
  schedules.reload();

  // The front-desk queue; on first start its services and counters come from queue.yaml.
  importQueueOnce(db, config.schedulesDir, log);
  const queue = createQueue({ db, bus, log, now, schedules });
  closers.push(queue.stop);
  const playReports = playReport({ db, bus, log, schedules, now, promos });
  closers.push(playReports.stop);

  const plays = playLog(db);
  const streams = streamPresence();

  const weather = weatherService({
    store: forecasts,
    schedules,
    bus,
    log,
    now,
    ...config.weather,
    provider: providerFromConfig(config.weather),
  });
  const screens = guideScreenStore(db);
  const announcements = announcementStore(db);
  const speech = speechService({
    dir: ttsDir(config.dataDir),
    synth,
    log,
    now,
    inUse: () => speechInUse(schedules, announcements, now()),
  });
  closers.push(speech.stop);

  // The desk's records (#13): callbacks are generated from sales and resolved complaints, in
  // the same transaction as the change that asks for them.
  const callbacks = callbackStore(db, () => schedules.timezone());
  const complaints = complaintStore(db, callbacks.onComplaintAct);
  const sales = saleStore(db, callbacks);
  const visits = visitStore(db);
  const ledgers = ledgerStores(db);
  // The desk's ledgers made on schedule and the nightly digest (runDue: runner/day-runner.ts).
  const reports = reportJobs({
    complaints,
    merchants,
    callbacks,
    visits,
    ledgers,
    bus,
    log,
    timezone: () => schedules.timezone(),
    mall: config.mall.name,
    dir: join(config.dataDir, 'reports'),
  });
  closers.push(reports.stop);

  const ctx = {
    config,
    log,
    db,
    now,
    auth,
    /** Wrong passwords per user name and address (auth/sign-in-throttle.ts). */
    signInThrottle: signInThrottle(),
    bus,
    schedules,
    media,
    promos,
    /** Merchants (商户): shared by the promos and the guide screen's directory. */
    merchants,
    /** Merchants' logos, stored by content hash under `DATA_DIR/images`. */
    images: imageStore(join(config.dataDir, 'images')),
    announcements,
    /** The desk's complaint register: every change kept, deadlines computed at any instant. */
    complaints,
    /** Callbacks (回访), sales on file (顾客信息档案) and customer visits (上门拜访). */
    callbacks,
    sales,
    visits,
    /** The desk's other ledgers (returns, advance compensation, merchant fees, prizes). */
    ledgers,
    /** The ledgers as .xlsx (made every Monday, kept under `DATA_DIR/reports`), the digest. */
    reports,
    /** Announcement templates: the built-ins in the mall's wording, and the mall's own. */
    announcementTemplates: templateStore(db),
    /** Text-to-speech: each distinct text rendered once into `DATA_DIR/tts`, then reused. */
    speech,
    /** The as-played log and each player's latest playback state. */
    plays,
    /** Which devices have an event stream open. */
    streams,
    /** Pairing a device page by the code it shows. */
    pairing: pairingStore(db, auth),
    /** Each device's state and the warnings about them (GET /api/alerts). */
    deviceStatus: deviceStatus({
      db,
      auth,
      states: plays.states,
      streams,
      schedules,
      startedAt: now().getTime(),
    }),
    /** Proof of play for merchants: planned vs played per promo, kept per past day. */
    playReport: playReports,
    /** The front-desk queue: tickets, counters, calls, figures. */
    queue,
    /** The day's weather forecast: typed in, or fetched from the configured provider. */
    weather,
    /** The guide screen's data: directory, promos, floor maps, and where each screen stands. */
    guide: guideService({ merchants, promos, schedules, weather, screens, config, log }),
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

/**
 * What the speech cache must keep: the texts of this week's plans (players fetch them the day
 * they play) and the files of announcements still to be made.
 */
function speechInUse(
  schedules: ReturnType<typeof scheduleService>,
  announcements: ReturnType<typeof announcementStore>,
  at: Date,
): { texts: string[]; files: string[] } {
  const texts: string[] = [];
  const today = schedules.today();
  for (const date of datesBetween(today, addDays(today, 7)))
    for (const item of schedules.plan(date).items)
      if (item.text && !item.media) texts.push(item.text);
  const from = new Date(at.getTime() - 86_400_000).toISOString();
  const to = new Date(at.getTime() + 8 * 86_400_000).toISOString();
  const files = announcements.due(from, to).map((a) => a.audioUrl);
  return { texts, files };
}

function readScheduleFolder(dir: string): Record<StoredFile, string> {
  return Object.fromEntries(
    STORED_FILES.map((f) => [f, readFileSync(join(dir, `${f}.yaml`), 'utf8')]),
  ) as Record<StoredFile, string>;
}
