import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { allow } from '../auth/middleware.ts';
import { DESK } from '../auth/roles.ts';
import { attachment } from '../http/download.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { merchantDescriber } from '../records/complaint-ledger.ts';
import { complaintSummary } from '../records/complaint-summary.ts';
import { dateInZone } from '../../core/zoned-time.ts';
import { LEDGERS } from './ledgers.ts';
import { mallDateOf, periodQuery, resolvePeriod, spanOf } from './period.ts';
import { fileNames } from './report-jobs.ts';
import { workbookStream, XLSX_TYPE } from './workbook.ts';

const weekQuery = periodQuery.pick({ week: true });
const fileParam = z.object({ file: z.string().max(120) });

type Ctx = { var: AppEnv['Variables'] };
const todayOf = (c: Ctx) => dateInZone(c.var.ctx.schedules.timezone(), c.var.ctx.now().getTime());

/**
 * `/api/reports`: the desk's ledgers as the group checks them (.xlsx, on demand and as made
 * every Monday), the weekly complaint summary for the console's charts, the nightly digest.
 * The desk's: the complaint register holds customers' phone numbers in full.
 */
const base = new Hono<AppEnv>()
  .get('/reports', allow(DESK), (c) =>
    c.json({
      reports: c.var.ctx.reports.files.list().map((r) => ({
        ...r,
        url: `/api/reports/files/${r.file}`,
      })),
    }),
  )
  .get('/reports/files/:file', allow(DESK), validate('param', fileParam), (c) => {
    const found = c.var.ctx.reports.files.find(c.req.valid('param').file);
    if (!found) throw notFound(`report ${c.req.valid('param').file}`);
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', attachment(found.meta.file, found.meta.name));
    c.header('Content-Length', String(found.meta.size));
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(createReadStream(found.path)) as ReadableStream<Uint8Array>);
  })
  .get('/reports/complaints/week', allow(DESK), validate('query', weekQuery), (c) => {
    const { ctx } = c.var;
    const zone = ctx.schedules.timezone();
    const period = resolvePeriod(c.req.valid('query'), todayOf(c));
    const span = spanOf(period, zone);
    const all = ctx.complaints.touching(
      new Date(span.start).toISOString(),
      new Date(span.end).toISOString(),
    );
    const summary = complaintSummary(all, span, {
      describe: merchantDescriber(ctx.merchants),
      dateOf: mallDateOf(zone),
    });
    return c.json({
      week: period.label,
      from: period.from,
      to: period.to,
      timezone: zone,
      at: ctx.now().toISOString(),
      ...summary,
    });
  })
  .get('/reports/digest/latest', allow(DESK), (c) =>
    c.json({ digest: c.var.ctx.reports.files.latestDigest() ?? null }),
  );

/** Each ledger of the registry as a download: `?week=2026-W49`, `?month=2026-12` or `?from=&to=`. */
export const reportRoutes = LEDGERS.reduce(
  (app, ledger) =>
    app.get(`/reports/${ledger.id}.xlsx`, allow(DESK), validate('query', periodQuery), (c) => {
      const { ctx } = c.var;
      const zone = ctx.schedules.timezone();
      const period = resolvePeriod(c.req.valid('query'), todayOf(c));
      const write = ledger.read(ctx, {
        period,
        span: spanOf(period, zone),
        zone,
        mall: ctx.config.mall.name,
        now: ctx.now().getTime(),
      });
      const { file, name } = fileNames(ledger, period);
      c.header('Content-Type', XLSX_TYPE);
      c.header('Content-Disposition', attachment(file, name));
      c.header('Cache-Control', 'no-store');
      return c.body(workbookStream(write));
    }),
  base,
);
