import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../kiosk/src/queue/board/voice-segments.ts';
import { allowedActions, refusalText } from '../../kiosk/src/queue/counter/counter-actions.ts';
import { suggestCategory } from '../../kiosk/src/queue/counter/suggest-category.ts';
import {
  clockTime,
  isCode,
  normaliseCode,
  positionText,
  positionTextEn,
  reopenText,
  shortName,
  ticketLink,
  tokenFromPath,
  waitText,
} from '../../kiosk/src/queue/queue-format.ts';
import { SerialQueue } from '../../kiosk/src/queue/serial-queue.ts';
import { ticketPageRule } from '../../kiosk/src/queue/take/print-page.ts';
import { qrImage } from '../../kiosk/src/queue/take/qr-image.ts';

describe('SerialQueue (voice calls)', () => {
  /** A player that records start and end and takes `ms` per item, on real timers. */
  function recorder(ms = 20) {
    const spans: { item: string; start: number; end: number }[] = [];
    let clock = 0;
    const play = async (item: string) => {
      const start = ++clock;
      await new Promise((r) => setTimeout(r, ms));
      spans.push({ item, start, end: ++clock });
    };
    return { spans, play };
  }

  it('plays calls one after another, in arrival order, when they arrive at once', async () => {
    const r = recorder();
    const q = new SerialQueue<string>({
      play: r.play,
      key: (s) => s,
      now: Date.now,
      maxAgeMs: 60_000,
    });
    q.push('A001');
    q.push('A002');
    q.push('B001');
    expect(q.busy).toBe(true);
    await q.idle();
    expect(r.spans.map((s) => s.item)).toEqual(['A001', 'A002', 'B001']);
    // Never overlapping: each starts after the previous one ended.
    for (let i = 1; i < r.spans.length; i++)
      expect(r.spans[i]!.start).toBeGreaterThan(r.spans[i - 1]!.end);
  });

  it('plays a call pushed while the last one is finishing', async () => {
    const r = recorder(5);
    const q = new SerialQueue<string>({
      play: r.play,
      key: (s) => s,
      now: Date.now,
      maxAgeMs: 60_000,
    });
    q.push('A001');
    await new Promise((res) => setTimeout(res, 5));
    q.push('A002');
    await q.idle();
    expect(r.spans.map((s) => s.item)).toEqual(['A001', 'A002']);
  });

  it('drops a call delivered twice, and one too old to help anyone', async () => {
    const r = recorder(1);
    const dropped: string[] = [];
    let now = 1_000_000;
    const q = new SerialQueue<string>({
      play: r.play,
      key: (s) => s,
      now: () => now,
      maxAgeMs: 60_000,
      onDrop: (item, reason) => dropped.push(`${item}:${reason}`),
    });
    q.push('A001');
    q.push('A001');
    q.push('A002', now - 120_000);
    await q.idle();
    now += 1;
    expect(r.spans.map((s) => s.item)).toEqual(['A001']);
    expect(dropped).toEqual(['A001:duplicate', 'A002:stale']);
  });

  it('goes on after a call that fails to play', async () => {
    const played: string[] = [];
    const q = new SerialQueue<string>({
      play: async (s) => {
        if (s === 'bad') throw new Error('no audio');
        played.push(s);
      },
      key: (s) => s,
      now: Date.now,
      maxAgeMs: 60_000,
    });
    q.push('bad');
    q.push('A003');
    await q.idle();
    expect(played).toEqual(['A003']);
  });
});

describe('voice segments', () => {
  it('splits a call into the chime, the Mandarin and the English runs, each with its fallback', () => {
    const segs = segmentsOf({
      clips: ['chime', 'zh/qing', 'zh/A', 'zh/0', 'zh/dao', 'en/ticket', 'en/A', 'en/counter'],
      text: '请 A0 号顾客到 2 号窗口',
      textEn: 'Ticket A0, counter 2',
    });
    expect(segs).toEqual([
      { clips: ['chime'] },
      { clips: ['zh/qing', 'zh/A', 'zh/0', 'zh/dao'], fallbackText: '请 A0 号顾客到 2 号窗口' },
      { clips: ['en/ticket', 'en/A', 'en/counter'], fallbackText: 'Ticket A0, counter 2' },
    ]);
  });

  it('has no English fallback when the call has no English text', () => {
    expect(segmentsOf({ clips: ['en/ticket'], text: '请' })).toEqual([{ clips: ['en/ticket'] }]);
  });
});

describe('queue texts', () => {
  it('says the wait as a person would', () => {
    expect(waitText(0, 0).zh).toBe('无需等候');
    expect(waitText(0.2, 1).zh).toBe('约 1 分钟');
    expect(waitText(14.6, 3)).toEqual({ zh: '约 15 分钟', en: 'about 15 min' });
    expect(waitText(75, 20).zh).toBe('约 1 小时 15 分钟');
    expect(waitText(120, 20).en).toBe('about 2 h');
  });

  it('shows times in the mall zone, not the machine zone', () => {
    // The tests run in America/New_York; 01:30 UTC is 09:30 in Shanghai.
    expect(clockTime('2025-06-03T01:30:00Z')).toBe('09:30');
    expect(clockTime(Date.parse('2025-06-03T01:30:00Z'), 'Europe/London')).toBe('02:30');
  });

  it('tells the customer where they are, and the counter once called', () => {
    expect(positionText({ status: 'waiting', ahead: 3 })).toBe('前面还有 3 人');
    expect(positionText({ status: 'waiting', ahead: 0 })).toBe('下一位就是您');
    expect(positionText({ status: 'called', ahead: 0, counter: { name: '2号窗口' } })).toBe(
      '请到 2号窗口',
    );
    expect(positionTextEn({ status: 'waiting', ahead: 1 })).toBe('1 person ahead of you');
    expect(positionTextEn({ status: 'waiting', ahead: 3 })).toBe('3 people ahead of you');
    expect(positionTextEn({ status: 'called', ahead: 0, counter: { number: 2 } })).toBe(
      'Please go to counter 2',
    );
  });

  it('says when a closed service takes numbers again', () => {
    expect(reopenText({ day: 'today', from: '14:00' })).toEqual({
      zh: '今天 14:00 起取号',
      en: 'Numbers from 14:00 today',
    });
    expect(reopenText({ day: 'tomorrow', from: '09:30' }).zh).toBe('明天 09:30 起取号');
    expect(reopenText(undefined)).toEqual({ zh: '', en: '' });
  });

  it('links a ticket to its phone page and reads the token back', () => {
    const link = ticketLink('http://10.0.0.5:8080/', 'abc_DEF-123');
    expect(link).toBe('http://10.0.0.5:8080/ticket/abc_DEF-123');
    expect(tokenFromPath(new URL(link).pathname)).toBe('abc_DEF-123');
    expect(tokenFromPath('/ticket/')).toBeUndefined();
    expect(tokenFromPath('/ticket/a/b')).toBeUndefined();
    expect(tokenFromPath('/ticket/%E0%A4%A')).toBeUndefined();
  });

  it('shortens a service name to the part before its explanation', () => {
    expect(shortName('商户服务（标价签打印、特价牌、销售订单）')).toBe('商户服务');
    expect(shortName('咨询')).toBe('咨询');
  });

  it('accepts a typed code in any case and spacing, and refuses what is not a code', () => {
    expect(normaliseCode(' a012 ')).toBe('A012');
    expect(isCode('A012')).toBe(true);
    expect(isCode('012')).toBe(false);
    expect(isCode('A01B')).toBe(false);
  });

  it('makes the ticket link into an SVG QR image the page may show (CSP allows data: images)', async () => {
    const link = 'http://10.0.0.5:8080/ticket/abc';
    const src = await qrImage(link);
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toContain('<svg');
    // As many modules as the link needs at error correction M (a quiet zone of 1 each side).
    const size = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 2} ${size + 2}"`);
  });
});

describe('ticket printing', () => {
  it('asks for a page as wide as the roll and as long as the ticket, plus feed for the cutter', () => {
    // 432 × 600 px on screen is 72 × 100 mm printed.
    expect(ticketPageRule({ width: 432, height: 600 })).toBe(
      '@page { size: 80mm 106mm; margin: 0; }',
    );
  });
});

describe('counter buttons', () => {
  const open = { status: 'open' as const };
  const cur = (status: 'called' | 'serving') => ({
    code: 'A001',
    status,
    calledAt: '2025-06-03T01:30:00Z',
    callCount: 1,
  });

  it('offers "call next" only when nobody is at the counter', () => {
    expect([...allowedActions(open)].sort()).toEqual(['call', 'call-next', 'close', 'pause']);
    expect(allowedActions({ ...open, current: cur('called') }).has('call-next')).toBe(false);
    expect(allowedActions({ ...open, current: cur('serving') }).has('call-next')).toBe(false);
  });

  it('offers recall, no-show and start for a called customer, finish once serving', () => {
    expect([...allowedActions({ ...open, current: cur('called') })].sort()).toEqual(
      ['no-show', 'pause', 'recall', 'start', 'transfer'].sort(),
    );
    expect([...allowedActions({ ...open, current: cur('serving') })].sort()).toEqual(
      ['finish', 'pause', 'transfer'].sort(),
    );
  });

  it('lets a paused counter finish its customer and resume, but call nobody new', () => {
    const paused = allowedActions({ status: 'paused', current: cur('serving') });
    expect(paused.has('finish')).toBe(true);
    expect(paused.has('resume')).toBe(true);
    expect(allowedActions({ status: 'paused' }).has('call-next')).toBe(false);
    expect(allowedActions({ status: 'closed' }).size).toBe(0);
  });

  it('explains the server refusals in words a clerk can act on', () => {
    expect(refusalText('queue-empty', 'x')).toBe('没有等候的顾客。');
    expect(refusalText('counter-busy', 'x')).toContain('当前顾客');
    expect(refusalText('something-new', 'as the server said')).toBe('as the server said');
  });

  it('preselects the finish category that fits the service, and none when nothing fits', () => {
    const shipped = ['商场导购', '活动咨询', '会员服务', '投诉登记', '退换货', '奖品领取', '其他'];
    expect(suggestCategory(shipped, '奖品领取')).toBe('奖品领取');
    expect(suggestCategory(shipped, '投诉')).toBe('投诉登记');
    expect(suggestCategory([...shipped, '标价签打印'], '商户服务（标价签打印、特价牌）')).toBe(
      '标价签打印',
    );
    // A shared word (服务, 咨询) or letter (退) is no match: the clerk chooses.
    expect(suggestCategory(shipped, '商户服务')).toBeUndefined();
    expect(suggestCategory(shipped, '咨询')).toBeUndefined();
    expect(suggestCategory(shipped, '30天无理由退货')).toBeUndefined();
  });
});
