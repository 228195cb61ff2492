import { formatClock } from '../common/duration.ts';
import type { DayContext } from './day-context.ts';
import { intervalOf, promoRotation, promoValidOn } from './promo-rotation.ts';
import type { Promo } from './promo-schema.ts';
import { spoken, type Spoken } from './spoken.ts';

type Parts = Map<string, { start: number; end: number }>;

/** Whether a promo may play at `t`: in one of its day parts, or any time without them. */
const inPartAt = (parts: Parts, p: Promo, t: number) =>
  !p.dayParts ||
  p.dayParts.some((name) => {
    const part = parts.get(name);
    return part !== undefined && part.start <= t && t < part.end;
  });

/** How long of [start, end) a promo may play in, by its day parts. */
function eligibleMs(parts: Parts, p: Promo, start: number, end: number): number {
  if (!p.dayParts) return end - start;
  let ms = 0;
  for (const name of new Set(p.dayParts)) {
    const part = parts.get(name);
    if (part) ms += Math.max(0, Math.min(end, part.end) - Math.max(start, part.start));
  }
  return ms;
}

/** Promo windows take what the fixed speech left, play after play, in rotation. */
export function fillPromos(ctx: DayContext): void {
  const { program, promos } = ctx.inputs;
  const today = promos.filter((p) => promoValidOn(p, ctx.date));
  const rotation = promoRotation(today, ctx.date);
  const dayParts = ctx.dayParts();
  const catalogue = ctx.inputs.catalogue;
  const content = new Map(
    today.map((p) => {
      const title = `${p.merchant.name}：${p.title}`;
      return [p.id, spoken(catalogue, { ...p, title }, title)];
    }),
  );
  const partStarts = [...dayParts.values()].map((p) => p.start);
  const booked = today.filter((p) => p.playsPerHour !== undefined && content.get(p.id));
  const placedOf = new Map<string, number>();
  const expectedOf = new Map<string, number>();

  for (const row of ctx.day.rows) {
    const slot = program.slots[row.slot];
    if (slot?.type !== 'promos' || row.from === undefined || row.until === undefined) continue;
    const start = ctx.at(row.from);
    const end = ctx.at(row.until);
    for (const p of booked) {
      const expected = Math.floor(eligibleMs(dayParts, p, start, end) / intervalOf(p));
      expectedOf.set(p.id, (expectedOf.get(p.id) ?? 0) + expected);
    }
    let placed = 0;
    for (let t = start; t < end;) {
      const free = ctx.voice.firstFree(t, 0, end);
      if (free === undefined) break;
      t = free;
      const at = t;
      const eligible = (p: Promo) => inPartAt(dayParts, p, at) && content.get(p.id) !== undefined;
      const limit = Math.min(end, ctx.voice.nextStart(t) - program.voiceGap);
      const promo = rotation.pick(
        t,
        eligible,
        (p) => at + (content.get(p.id)?.durationMs ?? Infinity) <= limit,
      );
      if (!promo) {
        // Nothing may start now: go on after the next fixed speech, when a booked promo falls
        // due, or where a day part begins, whichever comes first.
        const after = ctx.voice.nextAfter(t);
        const next = Math.min(
          after && after.start < end ? after.end + program.voiceGap : Infinity,
          rotation.nextDue(t, (p) => content.get(p.id) !== undefined) ?? Infinity,
          ...partStarts.filter((s) => s > t),
        );
        if (!(next < end)) break;
        t = next;
        continue;
      }
      const said = content.get(promo.id) as Spoken;
      const level = ctx.level(row.slot, 'speech', said.media?.tags, row.volume ?? slot.volume);
      ctx.plays.push({ ...ctx.speechPlay(row, said, t, level, 'promo'), promo });
      ctx.voice.occupy(t, t + said.durationMs);
      placed++;
      placedOf.set(promo.id, (placedOf.get(promo.id) ?? 0) + 1);
      t += said.durationMs + slot.gap;
    }
    if (placed === 0)
      ctx.warnings.push(
        `${row.id}: no promo is valid in ${formatClock(row.from)}–${formatClock(row.until)}`,
      );
  }
  for (const p of booked) {
    const expected = expectedOf.get(p.id) ?? 0;
    const placed = placedOf.get(p.id) ?? 0;
    if (placed < expected)
      ctx.warnings.push(
        `promo ${p.id}: ${p.playsPerHour} plays an hour booked, ${placed} of ${expected} fit in the promo loops`,
      );
  }
}
