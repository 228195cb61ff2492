import { formatDuration } from '../common/duration.ts';
import { padEnd, truncate } from '../common/text-width.ts';
import type { DayPlan } from '../../core/plan.ts';

const TITLE_WIDTH = 44;

/** The plan as a table a person reads in a terminal: time, layer, slot, title, volume, duration. */
export function planTable(plan: DayPlan): string {
  const head = [
    `${plan.date}  ${plan.timezone}  ${plan.dayTypes.join(' + ')}` +
      (plan.makeupWorkday ? '  (make-up working day 调休)' : '') +
      (plan.holiday ? `  holiday: ${plan.holiday}` : '') +
      (plan.events.length ? `  events: ${plan.events.join(', ')}` : ''),
  ];
  if (plan.opening && plan.closing)
    head.push(
      `on air ${plan.onAir?.slice(11, 16)}, open ${plan.opening.slice(11, 16)}–${plan.closing.slice(11, 16)}`,
    );
  if (plan.items.length === 0) head.push('no broadcast');
  const rows = plan.items.map((i) => [
    `${i.start.slice(11, 19)}–${i.end.slice(11, 19)}`,
    i.layer,
    i.slot,
    truncate(
      i.title +
        (i.cut ? ' (cut)' : '') +
        (i.shiftedFrom ? ` (from ${i.shiftedFrom.slice(11, 19)})` : ''),
      TITLE_WIDTH,
    ),
    String(i.volume),
    formatDuration(i.durationMs) + (i.estimated ? '~' : ''),
  ]);
  const header = ['time', 'layer', 'slot', 'title', 'vol', 'length'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  widths[3] = TITLE_WIDTH;
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => padEnd(cell, widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const body = [line(header), ...rows.map(line)];
  const tail = plan.warnings.map((w) => `warning: ${w}`);
  return [...head, '', ...body, ...(tail.length ? ['', ...tail] : [])].join('\n');
}
