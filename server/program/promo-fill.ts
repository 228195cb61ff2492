import { formatClock } from '../common/duration.ts';
import type { DayContext } from './day-context.ts';
import { promoRotation, promoValidOn } from './promo-rotation.ts';
import type { Promo } from './promo-schema.ts';
import { spoken, type Spoken } from './spoken.ts';

/** Promo windows take what the fixed speech left, play after play, in rotation. */
export function fillPromos(ctx: DayContext): void {
  const { program, promos } = ctx.inputs;
  const today = promos.filter((p) => promoValidOn(p, ctx.date));
  const pick = promoRotation(today, ctx.date);
  const dayParts = ctx.dayParts();
  const catalogue = ctx.inputs.catalogue;
  const content = new Map(
    today.map((p) => {
      const title = `${p.merchant.name}：${p.title}`;
      return [p.id, spoken(catalogue, { ...p, title }, title)];
    }),
  );
  for (const row of ctx.day.rows) {
    const slot = program.slots[row.slot];
    if (slot?.type !== 'promos' || row.from === undefined || row.until === undefined) continue;
    const end = ctx.at(row.until);
    let placed = 0;
    for (let t = ctx.at(row.from); t < end;) {
      const inPart = (p: Promo) =>
        !p.dayParts ||
        p.dayParts.some((name) => {
          const part = dayParts.get(name);
          return part !== undefined && part.start <= t && t < part.end;
        });
      const free = ctx.voice.firstFree(t, 0, end);
      if (free === undefined) break;
      t = free;
      const limit = Math.min(end, ctx.voice.nextStart(t) - program.voiceGap);
      const promo = pick(
        (p) => inPart(p) && content.get(p.id) !== undefined,
        (p) => t + (content.get(p.id)?.durationMs ?? Infinity) <= limit,
      );
      if (!promo) {
        const after = ctx.voice.nextAfter(t);
        if (!after || after.start >= end) break;
        t = after.end + program.voiceGap;
        continue;
      }
      const said = content.get(promo.id) as Spoken;
      const level = ctx.level(row.slot, 'speech', said.media?.tags, row.volume ?? slot.volume);
      ctx.plays.push({ ...ctx.speechPlay(row, said, t, level, 'promo'), promo });
      ctx.voice.occupy(t, t + said.durationMs);
      placed++;
      t += said.durationMs + slot.gap;
    }
    if (placed === 0)
      ctx.warnings.push(
        `${row.id}: no promo is valid in ${formatClock(row.from)}–${formatClock(row.until)}`,
      );
  }
}
