import { describe, expect, it } from 'vitest';
import { fenOf, yuanText } from '../../kiosk/src/console/ledgers/ledger-money.ts';

describe('ledger money', () => {
  it('reads what the desk types in 元 as whole fen, never through a float', () => {
    expect(fenOf('12.5')).toBe(1250);
    expect(fenOf('¥1,200')).toBe(120000);
    expect(fenOf('0.05')).toBe(5);
    expect(fenOf('0.29')).toBe(29);
    expect(fenOf(' 300.50 ')).toBe(30050);
  });

  it('refuses what is not an amount of at most two decimals', () => {
    for (const typed of ['', 'abc', '1.234', '-5', '1e3', '12.5.0'])
      expect(fenOf(typed), typed).toBeUndefined();
  });

  it('writes fen as ¥ with two decimals and thousands', () => {
    expect(yuanText(1250)).toBe('¥12.50');
    expect(yuanText(123456789)).toBe('¥1,234,567.89');
    expect(yuanText(5)).toBe('¥0.05');
    expect(yuanText(-20050)).toBe('-¥200.50');
  });
});
