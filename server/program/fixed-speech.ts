import { formatClock } from '../common/duration.ts';
import { weekdayOf } from '../../core/zoned-time.ts';
import type { Calendar } from './calendar-schema.ts';
import type { DayRow } from './compose.ts';
import type { DayContext } from './day-context.ts';
import type { PlanItem } from '../../core/plan.ts';
import { spoken, spokenText, weatherText, type Forecast, type Spoken } from './spoken.ts';

/** How late a displaced fixed item may still start, unless its row says. */
const DEFAULT_WINDOW_MS = 10 * 60_000;

/** Fixed speech by precedence: the higher keeps its time, the lower follows it in its window. */
export function placeFixedSpeech(
  ctx: DayContext,
  holiday: DayHoliday,
  events: DayEvents,
  forecast: Forecast | null,
): void {
  const { program } = ctx.inputs;
  const rank = (slot: string) => {
    const i = program.precedence.indexOf(slot);
    return i === -1 ? program.precedence.length : i;
  };
  const groups = ctx.day.rows
    .flatMap((row) => groupsOf(ctx, row, holiday, events, forecast))
    .sort((a, b) => rank(a.row.slot) - rank(b.row.slot) || a.desired - b.desired);
  for (const g of groups) placeGroup(ctx, g);
}

function groupsOf(
  ctx: DayContext,
  row: DayRow,
  holiday: DayHoliday,
  events: DayEvents,
  forecast: Forecast | null,
): SpeechGroup[] {
  const slot = ctx.inputs.program.slots[row.slot];
  const catalogue = ctx.inputs.catalogue;
  if (!slot) return [];
  const title = slot.title ?? row.slot;
  const windowMs = row.window ?? DEFAULT_WINDOW_MS;
  const point = (said: Spoken | undefined, reps = 1): SpeechGroup[] =>
    said && row.at !== undefined
      ? [
          {
            row,
            desired: ctx.at(row.at),
            latest: ctx.at(row.at) + windowMs,
            parts: Array(reps).fill(said),
            volume: row.volume ?? slot.volume,
          },
        ]
      : [];
  switch (slot.type) {
    case 'speech':
      return point(spoken(catalogue, slot, title));
    case 'holiday-greeting': {
      if (!holiday) return [];
      const own = holiday.greeting && spoken(catalogue, holiday.greeting, `${holiday.name}祝福语`);
      return point(own || spoken(catalogue, slot, title));
    }
    case 'event-announcement': {
      const scripts = events.flatMap((e) =>
        e.scripts.map((s) => ({ s, repeat: e.repeat ?? slot.repeat, name: e.name })),
      );
      if (scripts.length === 0) return [];
      const times =
        row.at !== undefined
          ? [row.at]
          : row.from !== undefined && row.until !== undefined && row.every
            ? Array.from(
                { length: Math.ceil((row.until - row.from) / row.every) },
                (_, i) => (row.from as number) + i * (row.every as number),
              )
            : [];
      return times.flatMap((ms, i) => {
        const { s, repeat, name } = scripts[i % scripts.length] as (typeof scripts)[number];
        const said = spoken(catalogue, s, `${name}：活动信息`);
        if (!said) return [];
        const desired = ctx.at(ms);
        const latest = desired + (row.window ?? row.every ?? windowMs);
        return [
          {
            row,
            desired,
            latest,
            parts: Array(repeat).fill(said),
            volume: row.volume ?? slot.volume,
          },
        ];
      });
    }
    case 'weather': {
      if (row.from === undefined || row.until === undefined) return [];
      const text = forecast
        ? weatherText(slot.template, ctx.date, weekdayOf(ctx.date), forecast)
        : slot.noForecast;
      const parts: Spoken[] = [];
      if (text)
        parts.push(spokenText(forecast ? `天气预报：${forecast.condition}` : '天气预报', text));
      const reminders = slot.reminders ? ctx.playlistOnce(slot.reminders) : [];
      parts.push(
        ...reminders.map((m) => ({
          title: m.title,
          media: m,
          durationMs: m.durationMs,
          estimated: false,
        })),
      );
      const start = ctx.at(row.from);
      return [
        {
          row,
          desired: start,
          latest: ctx.at(row.until),
          endBy: ctx.at(row.until),
          parts,
          volume: row.volume ?? slot.volume,
          partial: true,
        },
      ];
    }
    case 'music':
    case 'promos':
      return [];
    default: {
      const never: never = slot;
      return never;
    }
  }
}

function placeGroup(ctx: DayContext, g: SpeechGroup): void {
  const gap = ctx.inputs.program.voiceGap;
  const kind = (said: Spoken): PlanItem['kind'] =>
    g.row.slot === 'weather' && said.text !== undefined ? 'weather' : 'speech';
  const level = (said: Spoken) => ctx.level(g.row.slot, 'speech', said.media?.tags, g.volume);
  const when = formatClock(g.desired - ctx.at(0));
  if (g.partial) {
    // The weather window: each part in turn, as long as it fits before the window closes.
    let t = g.desired;
    for (const said of g.parts) {
      const s = ctx.voice.firstFree(t, said.durationMs, g.latest, g.endBy);
      if (s === undefined) {
        ctx.warnings.push(
          `${g.row.id}: "${said.title}" does not fit before ${formatClock(g.latest - ctx.at(0))}`,
        );
        continue;
      }
      ctx.plays.push({
        ...ctx.speechPlay(g.row, said, s, level(said), kind(said)),
        ...(s !== g.desired && t === g.desired ? { shiftedFrom: g.desired } : {}),
      });
      ctx.voice.occupy(s, s + said.durationMs);
      t = s + said.durationMs + gap;
    }
    return;
  }
  const total = g.parts.reduce((sum, p) => sum + p.durationMs, 0) + gap * (g.parts.length - 1);
  const s = ctx.voice.firstFree(g.desired, total, g.latest, g.endBy);
  if (s === undefined) {
    ctx.warnings.push(
      `${g.row.id} at ${when}: left out, no room before ${formatClock(g.latest - ctx.at(0))}`,
    );
    return;
  }
  let t = s;
  for (const said of g.parts) {
    ctx.plays.push({
      ...ctx.speechPlay(g.row, said, t, level(said), kind(said)),
      ...(s !== g.desired ? { shiftedFrom: g.desired } : {}),
    });
    t += said.durationMs + gap;
  }
  ctx.voice.occupy(s, s + total);
}
type DayHoliday = Calendar['holidays'][number] | undefined;
type DayEvents = Calendar['events'];

interface SpeechGroup {
  row: DayRow;
  desired: number;
  latest: number;
  endBy?: number;
  parts: Spoken[];
  volume: number | undefined;
  /** Parts may be left out one by one (the weather window) rather than all or nothing. */
  partial?: boolean;
}
