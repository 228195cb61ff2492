import { describe, expect, it } from 'vitest';
import { normaliseForSpeech } from '../../server/tts/normalise.ts';
import { cardinal, digitByDigit } from '../../server/tts/numbers-zh.ts';

describe('normaliseForSpeech', () => {
  it('reads a ticket number digit by digit and a window number as a word', () => {
    expect(normaliseForSpeech('请A012号顾客到2号窗口')).toBe('请A零一二号顾客到二号窗口');
  });

  it('reads every digit of a plate number, with or without the dot', () => {
    expect(normaliseForSpeech('车牌号为沪A·12345的车主')).toBe('车牌号为沪A一二三四五的车主');
    expect(normaliseForSpeech('沪a12345')).toBe('沪A一二三四五');
    expect(normaliseForSpeech('粤B D1234')).toBe('粤B D一二三四');
  });

  it('spaces capitals apart so they are not read as an English word', () => {
    expect(normaliseForSpeech('沪AB1234')).toBe('沪A B一二三四');
    expect(normaliseForSpeech('ＡＢ０１２')).toBe('A B零一二');
  });

  it('says quantities as numbers, and a lone 2 before a measure word as 两', () => {
    expect(normaliseForSpeech('还有15分钟')).toBe('还有十五分钟');
    expect(normaliseForSpeech('还有2分钟')).toBe('还有两分钟');
    expect(normaliseForSpeech('一位5岁的小朋友')).toBe('一位五岁的小朋友');
    expect(normaliseForSpeech('满100元减20元')).toBe('满一百元减二十元');
  });

  it('reads clock times, floors, years, decimals and percentages as an announcer would', () => {
    expect(normaliseForSpeech('21:30闭店')).toBe('二十一点三十分闭店');
    expect(normaliseForSpeech('9:05开门')).toBe('九点零五分开门');
    expect(normaliseForSpeech('2:00')).toBe('两点');
    expect(normaliseForSpeech('营业时间10:00-22:00')).toBe('营业时间十点至二十二点');
    expect(normaliseForSpeech('活动日期2026-12-02')).toBe('活动日期二零二六年十二月二日');
    expect(normaliseForSpeech('位于3F B305')).toBe('位于三楼 B三零五');
    expect(normaliseForSpeech('2026年12月2日')).toBe('二零二六年十二月二日');
    expect(normaliseForSpeech('全场8.5折')).toBe('全场八点五折');
    expect(normaliseForSpeech('满减80%')).toBe('满减百分之八十');
  });

  it('reads phone numbers and numbers with leading zeros digit by digit', () => {
    expect(normaliseForSpeech('电话13812345678')).toBe('电话一三八一二三四五六七八');
    expect(normaliseForSpeech('400-820-8820')).toBe('四零零八二零八八二零');
    expect(normaliseForSpeech('请007号')).toBe('请零零七号');
  });

  it('leaves text without numbers alone, apart from extra spaces', () => {
    expect(normaliseForSpeech('  欢迎光临，  祝您购物愉快。 ')).toBe('欢迎光临，祝您购物愉快。');
  });

  it('can say 1 as 幺 in codes', () => {
    expect(normaliseForSpeech('A101', { one: '幺' })).toBe('A幺零幺');
  });
});

describe('cardinal', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1010, '一千零一十'],
    [10005, '一万零五'],
    [10010, '一万零一十'],
    [120000, '十二万'],
    [1000000, '一百万'],
  ])('says %i as %s', (n, said) => {
    expect(cardinal(n)).toBe(said);
  });

  it('refuses what is not a whole number', () => {
    expect(() => cardinal(-1)).toThrow(RangeError);
    expect(() => cardinal(1.5)).toThrow(RangeError);
  });

  it('reads digit by digit', () => {
    expect(digitByDigit('0123456789')).toBe('零一二三四五六七八九');
  });
});
