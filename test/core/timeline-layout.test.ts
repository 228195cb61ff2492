import { describe, expect, it } from 'vitest';
import {
  clampView,
  dayView,
  fitLabel,
  hitTest,
  indexLane,
  MIN_SPAN_MS,
  panView,
  spanLabel,
  ticks,
  timeAt,
  viewAround,
  visibleBlocks,
  xOf,
  zoomView,
} from '../../kiosk/src/console/timeline/timeline-layout.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 2026-03-02 in Shanghai (+08:00): midnight is 16:00 UTC the day before.
const DAY = { from: Date.parse('2026-03-02T00:00:00+08:00'), to: 0 };
DAY.to = DAY.from + 24 * HOUR;
const at = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00+08:00`);
const OFFSET = 480;

describe('timeline view', () => {
  it('maps instants to pixels and back', () => {
    const view = { from: at('10:00'), to: at('11:00') };
    expect(xOf(view, 1200, at('10:30'))).toBe(600);
    expect(timeAt(view, 1200, 300)).toBe(at('10:15'));
  });

  it('keeps the view inside the day and no closer than a couple of minutes', () => {
    expect(clampView({ from: DAY.from - HOUR, to: DAY.from + HOUR }, DAY)).toEqual({
      from: DAY.from,
      to: DAY.from + 2 * HOUR,
    });
    expect(clampView({ from: DAY.to - HOUR, to: DAY.to + HOUR }, DAY).to).toBe(DAY.to);
    const narrow = clampView({ from: at('10:00'), to: at('10:00') + 1000 }, DAY);
    expect(narrow.to - narrow.from).toBe(MIN_SPAN_MS);
    expect(clampView({ from: 0, to: 1e15 }, DAY)).toEqual(DAY);
  });

  it('zooms around the pointer, which stays put on screen', () => {
    const view = { from: at('09:00'), to: at('18:00') };
    const anchor = at('12:00');
    const before = xOf(view, 900, anchor);
    const zoomed = zoomView(view, 0.25, anchor, DAY);
    expect(zoomed.to - zoomed.from).toBe((9 * HOUR) / 4);
    expect(xOf(zoomed, 900, anchor)).toBeCloseTo(before, 6);
    // Down to minutes and no further; out to the whole day and no further.
    let v = view;
    for (let k = 0; k < 30; k++) v = zoomView(v, 0.5, anchor, DAY);
    expect(v.to - v.from).toBe(MIN_SPAN_MS);
    for (let k = 0; k < 30; k++) v = zoomView(v, 2, anchor, DAY);
    expect(v).toEqual(DAY);
  });

  it('pans, stopping at the ends of the day', () => {
    const view = { from: at('10:00'), to: at('11:00') };
    expect(panView(view, 30 * MIN, DAY)).toEqual({ from: at('10:30'), to: at('11:30') });
    expect(panView(view, -24 * HOUR, DAY)).toEqual({ from: DAY.from, to: DAY.from + HOUR });
  });

  it('puts now a third of the way in when following it', () => {
    expect(viewAround(at('12:00'), 3 * HOUR, DAY, 1 / 3)).toEqual({
      from: at('11:00'),
      to: at('14:00'),
    });
  });

  it('shows the broadcast day, padded, or the whole date when nothing is planned', () => {
    const items = [
      { startMs: at('09:20'), endMs: at('09:30') },
      { startMs: at('17:25'), endMs: at('17:30') },
    ];
    expect(dayView(items, DAY)).toEqual({ from: at('09:10'), to: at('17:40') });
    expect(dayView([], DAY)).toEqual(DAY);
  });
});

describe('timeline axis', () => {
  it('picks the finest round step that keeps labels apart, on the mall clock', () => {
    const whole = ticks({ from: at('09:00'), to: at('18:00') }, 1100, OFFSET);
    expect(whole.map((t) => t.label)).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
    ]);
    expect(whole.every((t) => t.major)).toBe(true);
    const hour = ticks({ from: at('10:03'), to: at('11:03') }, 1100, OFFSET);
    expect(hour[0]?.label).toBe('10:05');
    expect(hour.map((t) => t.label)).toContain('11:00');
    expect(hour.find((t) => t.label === '10:30')?.major).toBe(false);
    const minutes = ticks({ from: at('10:00'), to: at('10:02') }, 1100, OFFSET);
    expect(minutes.map((t) => t.label)).toEqual(['10:00', '10:01']);
    // Labels never crowd: neighbours are at least 64 px apart.
    for (const set of [whole, hour, minutes])
      for (let k = 1; k < set.length; k++)
        expect(set[k]!.x - set[k - 1]!.x).toBeGreaterThanOrEqual(64);
  });

  it('states the view as a range of clock times', () => {
    expect(spanLabel({ from: at('10:00'), to: at('11:30') }, OFFSET)).toBe('10:00–11:30');
  });
});

describe('timeline blocks', () => {
  // A busy voice lane: 560 items of 20 s, one every 50 s, from 09:20.
  const items = Array.from({ length: 560 }, (_, k) => ({
    startMs: at('09:20') + k * 50_000,
    endMs: at('09:20') + k * 50_000 + 20_000,
  }));
  const lane = indexLane(items);

  it('finds only what is in view, clipped to it', () => {
    const view = { from: at('10:00'), to: at('10:10') };
    const blocks = visibleBlocks(lane, items, view, 600);
    const inView = items.filter((i) => i.endMs > view.from && i.startMs < view.to);
    expect(blocks.map((b) => b.index)).toEqual(inView.map((i) => items.indexOf(i)));
    expect(blocks.every((b) => b.x >= 0 && b.x + b.w <= 600)).toBe(true);
    // 20 s of a 10 min view on 600 px is 20 px.
    expect(blocks[1]!.w).toBeCloseTo(20, 6);
  });

  it('draws every item of the day at least a pixel wide', () => {
    const blocks = visibleBlocks(lane, items, { from: at('00:00'), to: at('24:00') }, 1000);
    expect(blocks).toHaveLength(560);
    expect(blocks.every((b) => b.w >= 1)).toBe(true);
  });

  it('finds an item that began long before the view and is still on', () => {
    const long = [
      { startMs: at('09:00'), endMs: at('12:00') },
      { startMs: at('12:00'), endMs: at('12:05') },
    ];
    const blocks = visibleBlocks(
      indexLane(long),
      long,
      { from: at('11:00'), to: at('11:30') },
      300,
    );
    expect(blocks).toEqual([{ index: 0, x: 0, w: 300 }]);
  });

  it('hits the block under the pointer, or the nearest tiny one close by', () => {
    const blocks = [
      { index: 0, x: 10, w: 50 },
      { index: 1, x: 100, w: 1 },
    ];
    expect(hitTest(blocks, 30)?.index).toBe(0);
    expect(hitTest(blocks, 103)?.index).toBe(1);
    expect(hitTest(blocks, 80)).toBeUndefined();
  });

  it('cuts a label to its block with an ellipsis, CJK characters counting wider', () => {
    expect(fitLabel('Background', 200, 11)).toBe('Background');
    expect(fitLabel('背景音乐轻音乐', 50, 10)).toBe('背景音乐…');
    expect(fitLabel('Background music', 40, 10)).toBe('Backg…');
    expect(fitLabel('背景', 8, 10)).toBe('');
  });
});
