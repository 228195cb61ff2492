import { cardinal, digitByDigit, type DigitOptions } from './numbers-zh.ts';

/**
 * Rewrites text so Mandarin text-to-speech (espeak-ng `cmn-latn-pinyin`) reads it as a person
 * would announce it. Pure. espeak reads `012` as "twelve" and runs capitals together into
 * English words ("AB"), so codes become letters spaced apart and digits one by one
 * (ecosystem.md §5.2).
 */
export function normaliseForSpeech(input: string, options: DigitOptions = {}): string {
  const digits = (s: string) => digitByDigit(s, options);
  let text = halfWidth(input).replace(/\s+/g, ' ').trim();

  // Plates (车牌): 沪A·12345, 粤B D1234 → 沪A D一二三四.
  text = text.replace(
    PLATE,
    (_m, province: string, letter: string, tail: string) =>
      `${province}${spellCode(letter + tail, digits)}`,
  );
  // Clock times: 21:30 → 二十一点三十分, 9:05 → 九点零五分.
  text = text.replace(
    /(?<!\d)([01]?\d|2[0-3])[:：]([0-5]\d)(?!\d)/g,
    (_m, h: string, m: string) => {
      const hour = h === '2' || h === '02' ? '两' : cardinal(Number(h));
      const min = Number(m);
      if (min === 0) return `${hour}点`;
      return `${hour}点${min < 10 ? '零' : ''}${cardinal(min)}分`;
    },
  );
  // A range of times: 10:00-22:00 → 十点至二十二点 (espeak says nothing for the dash).
  text = text.replace(/([点分])\s?[-–—~～]\s?(?=[零一二三四五六七八九十两])/g, '$1至');
  // Dates: 2026-12-02 → 二零二六年十二月二日.
  text = text.replace(
    /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/g,
    (_m, y: string, mo: string, d: string) =>
      `${digits(y)}年${cardinal(Number(mo))}月${cardinal(Number(d))}日`,
  );
  // Floors: 3F → 三楼.
  text = text.replace(
    /(?<![A-Za-z\d])(\d{1,3})F(?![A-Za-z])/g,
    (_m, n: string) => `${cardinal(Number(n))}楼`,
  );
  // Ticket and unit codes: A012 → A零一二, B305 → B三零五.
  text = text.replace(
    /(?<![A-Za-z\d])([A-Za-z]{1,4})[-·]?(\d+)(?![\d.])/g,
    (_m, letters: string, d: string) => spellCode(letters + d, digits),
  );
  // Years: 2026年 → 二零二六年.
  text = text.replace(/(?<!\d)(\d{4})(?=年)/g, (_m, d: string) => digits(d));
  // Phone numbers and numbers with dashes: each digit.
  text = text.replace(/\d+(?:-\d+)+/g, (m) => digits(m.replace(/-/g, '')));
  // Percentages and decimals: 80% → 百分之八十, 2.5 → 二点五.
  text = text.replace(/(\d+(?:\.\d+)?)%/g, (_m, n: string) => `百分之${decimal(n, digits)}`);
  text = text.replace(/\d+\.\d+/g, (n) => decimal(n, digits));
  // Leading zeros or long runs are codes, not quantities: 007, 13812345678.
  text = text.replace(/(?<!\d)(?:\d{9,}|0\d+)/g, digits);
  // Quantities: 2号 → 二号, 15分钟 → 十五分钟, but a lone 2 before a measure word is 两.
  text = text.replace(/\d+/g, (d, offset: number, all: string) => {
    if (d === '2' && MEASURE.test(all.slice(offset + 1))) return '两';
    return cardinal(Number(d));
  });
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([\u3000-\u303f\uff00-\uffef]) ?/g, '$1')
    .trim();
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = new RegExp(
  `([${PROVINCES}])\\s?([A-Za-z])\\s?[·・•.\\-]?\\s?([A-Za-z0-9]{5,6})(?![A-Za-z0-9])`,
  'g',
);

/** Measure words after which 2 is said 两. */
const MEASURE = /^(?:个|位|岁|分钟|小时|天|件|次|名|张|层|点)/;

/**
 * A code as it is read out: capitals one at a time (`AB` → `A B`, else espeak reads them as an
 * English word), digits one by one.
 */
function spellCode(code: string, digits: (s: string) => string): string {
  return code
    .toUpperCase()
    .replace(/(?<=[A-Z])(?=[A-Z])/g, ' ')
    .replace(/\d+/g, digits);
}

function decimal(n: string, digits: (s: string) => string): string {
  const [whole = '0', frac] = n.split('.');
  const w = whole.length > 1 && whole.startsWith('0') ? digits(whole) : cardinal(Number(whole));
  return frac ? `${w}点${digits(frac)}` : w;
}

/** Full-width letters and digits (Ａ０) as ASCII, so the rules above see them. */
function halfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}
