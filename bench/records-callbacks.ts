import { performance } from 'node:perf_hooks';
import { addDays, dateInZone } from '../core/zoned-time.ts';
import type { AppContext } from '../server/context.ts';
import { monthOf } from '../server/records/periods.ts';
import type { SaleIntake } from '../server/records/sale.ts';
import { startBenchServer } from './bench-server.ts';

const SALES = 120_000;
/** Half the sales carry a warranty: one more callback each. */
const WITH_WARRANTY = 0.5;
const COMPLAINTS = 20_000;
/** Of the callbacks already due: reached, or tried once and not reached, the rest left open. */
const DONE = 0.97;
const UNREACHABLE_FIRST = 0.05;
const TARGET_MS = 200;
const RUNS = 7;
const CHUNK = 2000;

/** A small seeded generator: the same year on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
const met = (ms: number) =>
  `${(ms / TARGET_MS).toFixed(2)}× the ${TARGET_MS} ms target (${ms <= TARGET_MS ? 'met' : 'NOT met'})`;

/**
 * The year up to today as the desk's records would hold it: 120,000 sales (half with a
 * warranty), 20,000 complaints resolved; about 200,000 callbacks generated from them by the
 * stores themselves, 97 % of those already due called (5 % after an unreachable try).
 */
function fillYear(ctx: AppContext, today: string) {
  const rnd = random(13);
  const at = ctx.now();
  const t0 = performance.now();
  // Filling only: the measured requests read, which synchronous does not change.
  ctx.db.pragma('synchronous = OFF');
  for (let i = 0; i < SALES; i += CHUNK) {
    const batch: SaleIntake[] = [];
    for (let j = i; j < Math.min(SALES, i + CHUNK); j++) {
      const soldOn = addDays(today, -Math.floor(rnd() * 365));
      const delivered = rnd() < 0.6 ? { deliveredOn: addDays(soldOn, Math.floor(rnd() * 20)) } : {};
      const warranty =
        rnd() < WITH_WARRANTY
          ? { warrantyEnds: addDays(soldOn, 365 * (1 + Math.floor(rnd() * 3))) }
          : {};
      batch.push({
        customerName: `顾客${j}`,
        customerPhone: `138${String(j).padStart(8, '0')}`,
        merchantName: `商户${j % 300}`,
        product: '三人位真皮沙发',
        orderNo: `HX-${j}`,
        soldOn,
        ...delivered,
        ...warranty,
      });
    }
    ctx.sales.addBatch(batch, at, 'bench');
  }
  // Complaints through the register, each resolved: its callback comes from the store's hook.
  const zone = ctx.schedules.timezone();
  const resolve = ctx.db.transaction((from: number) => {
    for (let j = from; j < Math.min(COMPLAINTS, from + CHUNK); j++) {
      const received = new Date(at.getTime() - Math.floor(rnd() * 360) * 86_400_000);
      const c = ctx.complaints.add(
        {
          source: 'phone',
          customerName: `投诉顾客${j}`,
          customerPhone: `139${String(j).padStart(8, '0')}`,
          merchantName: `商户${j % 300}`,
          category: '商品质量',
          what: '送货后发现划痕。',
          wants: '换货',
        },
        received,
        'bench',
      );
      const later = (h: number) => new Date(received.getTime() + h * 3600_000);
      ctx.complaints.act(c.id, { action: 'answer', text: '已联系商户' }, later(2), 'bench');
      ctx.complaints.act(c.id, { action: 'plan', text: '上门更换' }, later(30), 'bench');
      ctx.complaints.act(c.id, { action: 'resolve', text: '已更换' }, later(50), 'bench');
    }
  });
  for (let i = 0; i < COMPLAINTS; i += CHUNK) resolve(i);
  const filled = (performance.now() - t0) / 1000;

  // The calls: one by one through the stores, as the routes make them.
  const t1 = performance.now();
  const dueIds = ctx.db
    .prepare("SELECT id, source, source_id FROM callbacks WHERE due_on < ? AND status = 'due'")
    .all(today) as { id: number; source: string; source_id: number }[];
  const call = ctx.db.transaction((rows: typeof dueIds) => {
    for (const r of rows) {
      if (rnd() >= DONE) continue;
      const outcomes =
        rnd() < UNREACHABLE_FIRST
          ? (['unreachable', 'satisfied'] as const)
          : (['satisfied'] as const);
      for (const outcome of outcomes) {
        if (r.source === 'complaint')
          ctx.complaints.act(r.source_id, { action: 'call-back', outcome, note: '' }, at, 'bench');
        else ctx.callbacks.call(r.id, { outcome, note: '' }, at, 'bench');
      }
    }
  });
  for (let i = 0; i < dueIds.length; i += CHUNK) call(dueIds.slice(i, i + CHUNK));
  const called = (performance.now() - t1) / 1000;
  ctx.db.pragma('synchronous = FULL');
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.exec('ANALYZE');
  const count = (sql: string) => ctx.db.prepare(sql).pluck().get() as number;
  return {
    callbacks: count('SELECT count(*) FROM callbacks'),
    entries: count('SELECT count(*) FROM callback_entries'),
    overdue: count(`SELECT count(*) FROM callbacks WHERE status = 'due' AND due_on < '${today}'`),
    zone,
    filled,
    called,
  };
}

/**
 * A large mall's year of callbacks (≈200,000) in the server's real SQLite file, then the desk's
 * due/overdue lists and a month's completion over HTTP, timed to the last byte, against the
 * issue's 200 ms; with the query plans that keep them off a scan of the year.
 */
export async function benchCallbacks(): Promise<void> {
  const server = await startBenchServer();
  const { ctx } = server;
  try {
    const today = dateInZone(ctx.schedules.timezone(), ctx.now().getTime());
    const y = fillYear(ctx, today);
    console.log('callbacks: a year of sales and complaints for a large mall, real SQLite file');
    console.log(
      `  ${y.callbacks.toLocaleString('en')} callbacks (${y.entries.toLocaleString('en')} entries) from ${SALES.toLocaleString('en')} sales and ${COMPLAINTS.toLocaleString('en')} complaints: filed in ${y.filled.toFixed(1)} s, calls recorded in ${y.called.toFixed(1)} s; ${y.overdue.toLocaleString('en')} overdue today (${today})`,
    );
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async (path: string) => {
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return { ms: performance.now() - t, bytes };
    };
    const timed = async (label: string, path: string) => {
      const first = await get(path);
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push((await get(path)).ms);
      const m = median(runs);
      console.log(
        `  ${label}: first ${first.ms.toFixed(1)} ms, then median ${m.toFixed(1)} ms of ${RUNS}, ${(first.bytes / 1024).toFixed(0)} KiB; ${met(m)}`,
      );
      return m;
    };
    await timed('due, overdue and upcoming lists (200 each, with scripts)', '/api/callbacks/due');
    const last = monthOf(addDays(monthOf(today).from, -1));
    await timed(
      `completion, the month ${last.id}`,
      `/api/callbacks/completion?by=month&from=${last.from}&to=${last.to}`,
    );
    await timed(
      'completion, every ISO week of the year',
      `/api/callbacks/completion?by=week&from=${addDays(today, -364)}&to=${today}`,
    );

    // The store's queries alone, without presenting, JSON and HTTP: what SQLite spends.
    const alone = (label: string, fn: () => unknown) => {
      fn();
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        fn();
        runs.push(performance.now() - t);
      }
      console.log(`    ${label}, the store alone: median ${median(runs).toFixed(1)} ms`);
    };
    alone('the three lists', () => {
      ctx.callbacks.overdue(today, 200);
      ctx.callbacks.openBetween(today, today, 200);
      ctx.callbacks.openBetween(addDays(today, 1), addDays(today, 7), 200);
    });
    alone(`the month's counts`, () => ctx.callbacks.counts(last.from, last.to));
    alone(`the year's counts`, () => ctx.callbacks.counts(addDays(today, -370), today));

    const explain = (label: string, sql: string, ...params: string[]) => {
      const plan = ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
        detail: string;
      }[];
      console.log(`  EXPLAIN QUERY PLAN, ${label}: ${plan.map((p) => p.detail).join('; ')}`);
    };
    explain(
      'overdue',
      "SELECT id FROM callbacks WHERE status = 'due' AND due_on < ? ORDER BY due_on, id LIMIT 200",
      today,
    );
    explain(
      'completion',
      'SELECT due_on, kind, status, outcome, tries, count(*) FROM callbacks WHERE due_on BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5',
      last.from,
      last.to,
    );
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCallbacks();
