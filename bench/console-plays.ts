import { performance } from 'node:perf_hooks';
import { datesBetween } from '../core/zoned-time.ts';
import { playedByDeviceSql, playedSql } from '../server/plays/report.ts';
import { whereOf } from '../server/plays/play-filter.ts';
import type { AppContext } from '../server/context.ts';
import { startBenchServer } from './bench-server.ts';

const PLAYERS = 10;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
// December: every shipped promo runs, the busiest month of the year.
const MONTH = { from: '2026-12-01', to: '2026-12-31' };
const SUMMARY_TARGET_MS = 500;
const XLSX_TARGET_MS = 5000;
const RUNS = 5;

/** A small seeded generator: the same log on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
const met = (ms: number, target: number) =>
  `${(ms / target).toFixed(2)}× the ${target} ms target (${ms <= target ? 'met' : 'NOT met'})`;

/**
 * The year's log in the server's database: each of 10 players reports each plan item's outcome
 * (a real player also sends a `started` row per item; the report reads both the same way).
 */
export function populateYear(ctx: AppContext) {
  // The log: each player reports each plan item's outcome (a real player also sends a
  // `started` row per item; the report reads both the same way).
  const devices = Array.from(
    { length: PLAYERS },
    (_, i) => ctx.auth.createDevice(`PA-${i + 1}`, 'player', ctx.now()).device.id,
  );
  const insert = ctx.db.prepare(
    `INSERT INTO plays (device_id, report_id, plan_date, item_id, slot, kind, promo_id, merchant,
       media_id, title, status, planned_at, actual_at, reason, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rnd = random(42);
  let rows = 0;
  let promoRows = 0;
  const t0 = performance.now();
  const dates = datesBetween(YEAR.from, YEAR.to);
  const insertDay = ctx.db.transaction((date: string) => {
    const plan = ctx.schedules.plan(date);
    for (const device of devices) {
      for (const item of plan.items) {
        const roll = rnd();
        const status = roll < 0.98 ? 'ended' : roll < 0.99 ? 'failed' : 'skipped';
        const planned = status === 'ended' ? item.end : item.start;
        const actual = new Date(Date.parse(planned) + Math.round(rnd() * 400)).toISOString();
        insert.run(
          device,
          `${date}/${item.id}:${status}`,
          date,
          item.id,
          item.slot,
          item.kind,
          item.promo?.id ?? null,
          item.promo?.merchant ?? null,
          item.media?.id ?? null,
          item.title,
          status,
          new Date(planned).toISOString(),
          actual,
          status === 'ended' ? null : 'media missing',
          actual,
        );
        rows += 1;
        if (item.promo) promoRows += 1;
      }
    }
  });
  for (const date of dates) insertDay(date);
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.exec('ANALYZE');
  return { devices, rows, promoRows, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Proof of play over a year: 10 players' logs of every item of every 2026 plan inserted into
 * the server's real SQLite file (≈1.2 M rows; the shipped promos run from October), then the
 * per-merchant report (JSON) and its .xlsx export for a month and for the year, timed to the
 * last byte over HTTP. Prints the query plans of the report's played side.
 */
export async function benchConsolePlays(): Promise<void> {
  const server = await startBenchServer();
  const { ctx } = server;
  try {
    const { devices, rows, promoRows, seconds } = populateYear(ctx);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    console.log('proof of play: a year of logs from 10 players, real SQLite file');
    console.log(
      `  ${rows.toLocaleString('en')} rows (${promoRows.toLocaleString('en')} promo plays) inserted in ${seconds.toFixed(1)} s`,
    );

    // Wall time to the last byte, and the CPU time of this process (server and client): the
    // machine is shared, and CPU time says what the server itself spent.
    const get = async (path: string) => {
      const c = process.cpuUsage();
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      const u = process.cpuUsage(c);
      return { ms: performance.now() - t, cpu: (u.user + u.system) / 1000, bytes };
    };
    const timed = async (label: string, path: string, target: number) => {
      const first = await get(path);
      const runs: number[] = [];
      const cpus: number[] = [];
      let bytes = first.bytes;
      for (let i = 0; i < RUNS; i++) {
        const r = await get(path);
        runs.push(r.ms);
        cpus.push(r.cpu);
        bytes = r.bytes;
      }
      const m = median(runs);
      console.log(
        `  ${label}: first ${first.ms.toFixed(0)} ms, then median ${m.toFixed(0)} ms (CPU ${median(cpus).toFixed(0)} ms) of ${RUNS}, ${(bytes / 1024).toFixed(0)} KiB; ${met(m, target)}`,
      );
      return m;
    };
    const q = (r: { from: string; to: string }) => `from=${r.from}&to=${r.to}`;

    // The plans: compiling a year's, against reading the days already kept.
    const dates = datesBetween(YEAR.from, YEAR.to);
    const tc = performance.now();
    for (const date of dates) ctx.schedules.plan(date);
    console.log(
      `  compiling 365 plans (cached by the server): ${(performance.now() - tc).toFixed(0)} ms`,
    );

    await timed('summary, a month (JSON)', `/api/plays/report?${q(MONTH)}`, SUMMARY_TARGET_MS);
    await timed('summary, the year (JSON)', `/api/plays/report?${q(YEAR)}`, SUMMARY_TARGET_MS);
    const kept = ctx.db.prepare('SELECT count(*) FROM plays_planned_days').pluck().get();
    console.log(`  days whose plan is kept (over before today): ${String(kept)}`);
    await timed(
      'summary, the year, one merchant',
      `/api/plays/report?${q(YEAR)}&merchant=${encodeURIComponent('兰亭沙发')}`,
      SUMMARY_TARGET_MS,
    );
    await timed(
      'summary, the year, one player',
      `/api/plays/report?${q(YEAR)}&device=${devices[3]}`,
      SUMMARY_TARGET_MS,
    );
    await timed('.xlsx, a month', `/api/plays/report.xlsx?${q(MONTH)}`, XLSX_TARGET_MS);
    await timed('.xlsx, the year', `/api/plays/report.xlsx?${q(YEAR)}`, XLSX_TARGET_MS);

    const explain = (label: string, query: string, params: Record<string, string | number>) => {
      console.log(`  EXPLAIN QUERY PLAN, ${label}:`);
      const plan = ctx.db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(params) as {
        detail: string;
      }[];
      for (const p of plan) console.log(`    ${p.detail}`);
      const c = process.cpuUsage();
      const t = performance.now();
      ctx.db.prepare(query).all(params);
      const u = process.cpuUsage(c);
      console.log(
        `    the query alone: ${(performance.now() - t).toFixed(0)} ms (CPU ${((u.user + u.system) / 1000).toFixed(0)} ms)`,
      );
    };
    const year = whereOf({ ...YEAR });
    explain('the year, all players (plays_promo_items)', playedSql(year.sql), year.params);
    explain(
      'the same from every report instead (what the items table saves)',
      playedByDeviceSql(year.sql),
      year.params,
    );
    const one = whereOf({ ...YEAR, device: devices[3] as number });
    explain('the year, one player (plays_report)', playedByDeviceSql(one.sql), one.params);
    const index = ctx.db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'plays_report'")
      .pluck()
      .get() as string;
    ctx.db.exec('DROP INDEX plays_report');
    explain('the year, one player, without plays_report', playedByDeviceSql(one.sql), one.params);
    ctx.db.exec(index);
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchConsolePlays();
