import { describe, expect, it } from 'vitest';
import { callAnnouncement, chineseNumberClips } from '../../server/queue/voice-clips.ts';

describe('call announcement', () => {
  it('reads the code digit by digit and the counter as a Chinese numeral, after a chime', () => {
    const a = callAnnouncement({ code: 'A012', counter: 2, english: false });
    expect(a.clips).toEqual([
      'chime',
      'zh/qing',
      'zh/A',
      'zh/0',
      'zh/1',
      'zh/2',
      'zh/hao-guke',
      'zh/dao',
      'zh/2',
      'zh/hao-chuangkou',
    ]);
    expect(a.text).toBe('请A012号顾客到2号窗口');
    expect(a.textEn).toBeUndefined();
  });

  it('adds the English call after the Mandarin when asked', () => {
    const a = callAnnouncement({ code: 'A012', counter: 2, english: true });
    expect(a.clips.slice(10)).toEqual([
      'en/ticket',
      'en/A',
      'en/0',
      'en/1',
      'en/2',
      'en/please-go-to',
      'en/counter',
      'en/2',
    ]);
    expect(a.textEn).toBe('Ticket A012, please go to counter 2');
  });

  it('reads 1 as 幺 when the desk prefers it, in the code only', () => {
    const a = callAnnouncement({ code: 'B101', counter: 1, english: false, digitOne: 'yao' });
    expect(a.clips).toEqual([
      'chime',
      'zh/qing',
      'zh/B',
      'zh/yao',
      'zh/0',
      'zh/yao',
      'zh/hao-guke',
      'zh/dao',
      'zh/1',
      'zh/hao-chuangkou',
    ]);
  });

  it('says counters 1–99 as Chinese numbers are said', () => {
    expect(chineseNumberClips(1)).toEqual(['zh/1']);
    expect(chineseNumberClips(10)).toEqual(['zh/10']);
    expect(chineseNumberClips(12)).toEqual(['zh/10', 'zh/2']);
    expect(chineseNumberClips(20)).toEqual(['zh/2', 'zh/10']);
    expect(chineseNumberClips(21)).toEqual(['zh/2', 'zh/10', 'zh/1']);
    expect(chineseNumberClips(99)).toEqual(['zh/9', 'zh/10', 'zh/9']);
    for (const n of [0, 100, 1.5, -3]) expect(() => chineseNumberClips(n)).toThrow(RangeError);
  });

  it('reads a counter above 9 digit by digit in English, and numbers past 999 whole', () => {
    const a = callAnnouncement({ code: 'C1000', counter: 12, english: true });
    expect(a.clips).toContain('zh/C');
    expect(a.clips.filter((c) => c.startsWith('zh/')).slice(2, 6)).toEqual([
      'zh/1',
      'zh/0',
      'zh/0',
      'zh/0',
    ]);
    expect(a.clips.slice(-3)).toEqual(['en/counter', 'en/1', 'en/2']);
  });

  it('refuses a code that is not letters then digits, and a counter out of range', () => {
    expect(() => callAnnouncement({ code: 'A-12', counter: 1, english: false })).toThrow(
      RangeError,
    );
    expect(() => callAnnouncement({ code: '012', counter: 1, english: false })).toThrow(RangeError);
    expect(() => callAnnouncement({ code: 'A012', counter: 100, english: false })).toThrow(
      RangeError,
    );
  });
});
