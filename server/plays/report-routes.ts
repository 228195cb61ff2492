import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import type { AppContext } from '../context.ts';
import { allow } from '../auth/middleware.ts';
import { BROADCAST } from '../auth/roles.ts';
import { validate } from '../http/validate.ts';
import { playFilterSchema } from '../../core/play-report.ts';
import { resolveFilter } from './play-filter.ts';
import { CSV_TABLES, playsDetailCsv, reportCsv } from './report-csv.ts';
import type { ReportFilter } from './report.ts';
import { reportXlsx } from './report-xlsx.ts';

/** A report counts every outcome of promo plays: the log's filter without status and kind. */
export const reportFilterSchema = playFilterSchema.omit({ status: true, kind: true });
const csvSchema = reportFilterSchema.extend({ table: z.enum(CSV_TABLES).default('promos') });

type Ctx = { var: AppEnv['Variables'] };
const filterOf = (c: Ctx, q: z.infer<typeof reportFilterSchema>): ReportFilter =>
  resolveFilter(q, c.var.ctx.schedules.today());

/** What the filters can be set to: players, promo slots, merchants (the report's own too). */
function options(ctx: AppContext, merchants: readonly string[]) {
  const slots = Object.entries(ctx.schedules.current().schedules.program.slots)
    .filter(([, s]) => s.type === 'promos')
    .map(([name]) => name);
  const known = new Set([...ctx.promos.all().map((p) => p.merchant.name), ...merchants]);
  return {
    devices: ctx.auth
      .devices()
      .filter((d) => d.kind === 'player')
      .map((d) => ({ id: d.id, name: d.name, revoked: d.revokedAt !== null })),
    slots,
    merchants: [...known].sort(),
  };
}

/** Filters in words, for a file's title block. */
function describe(f: ReportFilter, ctx: AppContext): string {
  const device = f.device && ctx.auth.devices().find((d) => d.id === f.device)?.name;
  return [
    f.merchant && `商户 merchant: ${f.merchant}`,
    f.promo && `促销 promo: ${f.promo}`,
    f.slot && `时段 slot: ${f.slot}`,
    f.device && `播放器 player: ${device ?? `#${f.device}`}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function download(c: Ctx & { header(k: string, v: string): void }, type: string, name: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
}

/** Proof of play for merchants: planned vs played per promo, as JSON, CSV and Excel. */
export const playReportRoutes = new Hono<AppEnv>()
  .get('/plays/report', allow(BROADCAST), validate('query', reportFilterSchema), (c) => {
    const { ctx } = c.var;
    const report = ctx.playReport.report(filterOf(c, c.req.valid('query')));
    return c.json({
      ...report,
      timezone: ctx.schedules.timezone(),
      options: options(
        ctx,
        report.merchants.map((m) => m.merchant),
      ),
    });
  })
  .get('/plays/report.csv', allow(BROADCAST), validate('query', csvSchema), (c) => {
    const { ctx } = c.var;
    const { table, ...q } = c.req.valid('query');
    const filter = filterOf(c, q);
    const zone = ctx.schedules.timezone();
    download(
      c,
      'text/csv; charset=utf-8',
      `proof-of-play-${table}-${filter.from}-${filter.to}.csv`,
    );
    if (table === 'plays') return c.body(playsDetailCsv(ctx.playReport.detail, filter, zone));
    return c.body(reportCsv(ctx.playReport.report(filter), table, zone));
  })
  .get('/plays/report.xlsx', allow(BROADCAST), validate('query', reportFilterSchema), (c) => {
    const { ctx } = c.var;
    const filter = filterOf(c, c.req.valid('query'));
    download(
      c,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `proof-of-play-${filter.from}-${filter.to}.xlsx`,
    );
    return c.body(
      reportXlsx({
        report: ctx.playReport.report(filter),
        filter,
        detail: ctx.playReport.detail,
        zone: ctx.schedules.timezone(),
        mall: ctx.config.mall.name,
        filters: describe(filter, ctx),
      }),
    );
  });
