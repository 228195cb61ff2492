import { performance } from 'node:perf_hooks';
import { addDays, dateInZone, zonedDay } from '../core/zoned-time.ts';
import type { AppContext } from '../server/context.ts';
import { ComplaintRefused, type ComplaintAction } from '../server/records/complaint.ts';
import { weekPeriodOf } from '../server/reports/period.ts';
import { startBenchServer } from './bench-server.ts';

const COMPLAINTS = 20_000;
const DUE_TARGET_MS = 200;
const WEEK_TARGET_MS = 200;
const XLSX_TARGET_MS = 3000;
const RUNS = 5;
const H = 3600_000;
const DAY = 24 * H;

const CATEGORIES = [
  '商品质量',
  '送货安装',
  '售后维修',
  '服务态度',
  '价格争议',
  '退换货',
  '虚假宣传',
  '其他',
];
const SOURCES = ['queue', 'queue', 'queue', 'phone', 'phone', 'phone', 'desk', 'group'] as const;
const NAMES = ['王女士', '李先生', '张女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生'];

/** A small seeded generator: the same year on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
const met = (ms: number, target: number) =>
  `${(ms / target).toFixed(3)}× the ${target} ms target (${ms <= target ? 'met' : 'NOT met'})`;

type Step = { at: number; action: ComplaintAction };

/**
 * One complaint's course as a busy desk lives it: most answered within the day and planned
 * within three, some late, some waiting on the merchant or customer for up to two days (work
 * resumes after), a few rejected, and a few left standing (never answered, never planned,
 * never marked resolved) that pile up over a year.
 */
function course(rnd: () => number, received: number): Step[] {
  const steps: Step[] = [];
  const between = (a: number, b: number) => (a + rnd() * (b - a)) * H;
  let t = received;
  let pauseFrom: number | undefined;
  let pauseMs = 0;
  if (rnd() < 0.15) {
    pauseFrom = received + between(0.5, 10);
    pauseMs = between(2, 48);
    steps.push({
      at: pauseFrom,
      action: { action: 'pause', reason: rnd() < 0.7 ? 'merchant' : 'customer', note: '' },
    });
    steps.push({ at: pauseFrom + pauseMs, action: { action: 'resume', note: '' } });
  }
  // Work waits while paused: a step that would fall in the pause comes after it.
  const after = (x: number) => (pauseFrom !== undefined && x >= pauseFrom ? x + pauseMs : x);
  if (rnd() < 0.02)
    steps.push({ at: received + 30 * H, action: { action: 'escalate', note: '上报经理' } });
  if (rnd() < 0.005) return steps;
  t = after(received + (rnd() < 0.85 ? between(0.3, 20) : between(24, 60)));
  if (rnd() < 0.04) {
    steps.push({ at: t, action: { action: 'reject', reason: '非本商场售出的商品' } });
    return steps;
  }
  steps.push({ at: t, action: { action: 'answer', text: '已联系商户，尽快上门查看。' } });
  if (rnd() < 0.015) return steps;
  t = after(t + (rnd() < 0.8 ? between(4, 44) : between(50, 120)));
  steps.push({ at: t, action: { action: 'plan', text: '商户同意更换，约定上门时间。' } });
  if (rnd() < 0.04) return steps;
  t = after(t + between(1, 72));
  steps.push({ at: t, action: { action: 'resolve', text: '已更换，顾客确认。' } });
  if (rnd() < 0.25) return steps;
  t += between(24, 120);
  if (rnd() < 0.1) {
    steps.push({ at: t, action: { action: 'call-back', outcome: 'unreachable', note: '' } });
    t += between(4, 30);
  }
  steps.push({
    at: t,
    action: { action: 'call-back', outcome: rnd() < 0.9 ? 'satisfied' : 'not-satisfied', note: '' },
  });
  return steps;
}

/**
 * A year of complaints for a large mall, through the real store (each a transaction of its
 * own inside one per 500, so the file is not synced 100,000 times), received in mall hours
 * over the 365 days before now; each step applied only once its time has come.
 */
export function populateComplaints(ctx: AppContext, now: number) {
  const zone = ctx.schedules.timezone();
  const merchants = ctx.merchants.list();
  const rnd = random(13);
  const received: number[] = [];
  for (let i = 0; i < COMPLAINTS; i++) {
    const date = dateInZone(zone, now - rnd() * 365 * DAY);
    received.push(zonedDay(zone, date).toInstant(9.5 * H + rnd() * 11.5 * H));
  }
  received.sort((a, b) => a - b);
  const t0 = performance.now();
  let steps = 0;
  let refused = 0;
  const chunk = ctx.db.transaction((from: number) => {
    for (const at of received.slice(from, from + 500)) {
      if (at > now) continue;
      const m = merchants[Math.floor(rnd() * merchants.length)];
      const c = ctx.complaints.add(
        {
          source: SOURCES[Math.floor(rnd() * SOURCES.length)] ?? 'desk',
          customerName: NAMES[Math.floor(rnd() * NAMES.length)] ?? '顾客',
          customerPhone: `138${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
          ...(m && rnd() < 0.8 ? { merchantId: m.id } : { merchantName: '未知商户' }),
          product: '沙发',
          orderNo: `HX${Math.floor(rnd() * 1e8)}`,
          category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)] ?? '其他',
          what: '送货后发现扶手开裂，要求商户处理。',
          wants: '换货',
        },
        new Date(at),
        'bench',
      );
      for (const s of course(rnd, at).sort((a, b) => a.at - b.at)) {
        if (s.at > now) break;
        try {
          ctx.complaints.act(c.id, s.action, new Date(s.at), 'bench');
          steps += 1;
        } catch (err) {
          if (!(err instanceof ComplaintRefused)) throw err;
          refused += 1;
        }
      }
    }
  });
  for (let i = 0; i < received.length; i += 500) chunk(i);
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.exec('ANALYZE');
  return { steps, refused, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The desk's records over a year (20,000 complaints in the server's real SQLite file): the
 * due and overdue lists, the weekly summary and a month's 顾客投诉登记表+汇总表, each timed to
 * the last byte over HTTP against its target, then the Monday job and the digest in process.
 */
export async function benchRecordsReports(): Promise<void> {
  const server = await startBenchServer();
  const { ctx } = server;
  try {
    const now = ctx.now().getTime();
    const { steps, refused, seconds } = populateComplaints(ctx, now);
    const count = (sql: string) => ctx.db.prepare(sql).pluck().get() as number;
    console.log('desk records: a year of complaints for a large mall, real SQLite file');
    console.log(
      `  ${count('SELECT count(*) FROM complaints').toLocaleString('en')} complaints, ${count('SELECT count(*) FROM complaint_entries').toLocaleString('en')} entries (${steps.toLocaleString('en')} steps, ${refused} refused) in ${seconds.toFixed(1)} s; ${count("SELECT count(*) FROM complaints WHERE status IN ('received','answered','planned')")} open now, ${count("SELECT count(*) FROM complaints WHERE status IN ('received','answered')")} of them with a deadline running`,
    );

    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async (path: string) => {
      const c = process.cpuUsage();
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      const u = process.cpuUsage(c);
      return { ms: performance.now() - t, cpu: (u.user + u.system) / 1000, body };
    };
    const timed = async (label: string, path: string, target: number) => {
      const first = await get(path);
      const runs: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await get(path);
        runs.push(r.ms);
        cpus.push(r.cpu);
      }
      const m = median(runs);
      console.log(
        `  ${label}: first ${first.ms.toFixed(0)} ms, then median ${m.toFixed(1)} ms (min ${Math.min(...runs).toFixed(1)}, CPU ${median(cpus).toFixed(1)} ms) of ${RUNS}, ${(first.body.byteLength / 1024).toFixed(0)} KiB; ${met(m, target)}`,
      );
      return first.body;
    };

    const zone = ctx.schedules.timezone();
    const today = dateInZone(zone, now);
    const lastWeek = weekPeriodOf(addDays(today, -7));
    const lastMonth = dateInZone(zone, zonedDay(zone, `${today.slice(0, 7)}-01`).start - 1).slice(
      0,
      7,
    );

    const due = JSON.parse(
      new TextDecoder().decode(
        await timed(
          'due and overdue lists (GET /api/complaints/due)',
          '/api/complaints/due',
          DUE_TARGET_MS,
        ),
      ),
    ) as Record<string, unknown[]>;
    console.log(
      `    ${due.overdue?.length} overdue, ${due.dueSoon?.length} due within 4 h, ${due.paused?.length} paused`,
    );
    const week = JSON.parse(
      new TextDecoder().decode(
        await timed(
          `weekly summary ${lastWeek.label}`,
          `/api/reports/complaints/week?week=${lastWeek.label}`,
          WEEK_TARGET_MS,
        ),
      ),
    ) as {
      received: number;
      answerWithin24h: { percent: number };
      planWithin72h: { percent: number };
      openOverdue: unknown[];
    };
    console.log(
      `    ${week.received} received, ${week.answerWithin24h.percent}% answered within 24 h, ${week.planWithin72h.percent}% planned within 72 h, ${week.openOverdue.length} open and overdue at its end`,
    );
    const oldWeek = weekPeriodOf(addDays(today, -300)).label;
    await timed(
      `weekly summary ${oldWeek} (ten months ago)`,
      `/api/reports/complaints/week?week=${oldWeek}`,
      WEEK_TARGET_MS,
    );
    await timed(
      `.xlsx of ${lastMonth}`,
      `/api/reports/complaints.xlsx?month=${lastMonth}`,
      XLSX_TARGET_MS,
    );

    // The Monday job and the digest, in process: what the day runner calls.
    const t = performance.now();
    const made = await ctx.reports.runDue(new Date(now));
    console.log(
      `  runDue (the due week's workbook${made.digest ? ' and the digest' : ''}): ${(performance.now() - t).toFixed(0)} ms, ${made.reports.map((r) => `${r.file} ${(r.size / 1024).toFixed(0)} KiB`).join(', ')}`,
    );

    // What the week's query would cost without those columns: every entry scanned.
    const span = { start: new Date(zonedDay(zone, lastWeek.from).start).toISOString() };
    const scan = ctx.db.prepare(
      `SELECT record FROM complaints WHERE status IN ('received','answered','planned')
         OR id IN (SELECT complaint_id FROM complaint_entries
                   WHERE at >= ? AND action IN ('resolve', 'reject'))`,
    );
    const indexed = ctx.db.prepare(
      `SELECT record FROM complaints WHERE (settled_at IS NULL OR settled_at >= :start
         OR closed_at >= :start) AND received_at < :end`,
    );
    const end = new Date(zonedDay(zone, addDays(lastWeek.to, 1)).start).toISOString();
    const time = (f: () => unknown[]) => {
      const runs = Array.from({ length: RUNS }, () => {
        const t0 = performance.now();
        f();
        return performance.now() - t0;
      });
      return median(runs).toFixed(1);
    };
    const plan = ctx.db
      .prepare(`EXPLAIN QUERY PLAN ${indexed.source}`)
      .all({ start: span.start, end }) as { detail: string }[];
    console.log(
      `  EXPLAIN QUERY PLAN, the week's complaints: ${plan.map((p) => p.detail).join('; ')}`,
    );
    console.log(
      `  the week's complaints by settled_at and closed_at (migration 021): ${time(() => indexed.all({ start: span.start, end }))} ms; by scanning the entries instead: ${time(() => scan.all(span.start))} ms`,
    );
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRecordsReports();
