/**
 * What a call says, as voice-pack clip names in play order: a chime, then
 * "请 A012 号顾客到 2 号窗口" in Mandarin and, when asked, "Ticket A012, please go to counter 2".
 * Pure, so the board, the server and the tests agree on it (server/queue/voice-pack.ts makes the
 * clips; a pack recorded by a person uses the same names).
 */

export interface CallWords {
  /** The ticket's code, letters then digits: `A012`. */
  code: string;
  /** The counter's number, 1–99. */
  counter: number;
  english: boolean;
  /** How the digit 1 is read in the code: 一 (yi) or 幺 (yao). */
  digitOne?: 'yi' | 'yao';
}

export interface CallAnnouncement {
  clips: string[];
  text: string;
  textEn?: string;
}

const CODE_RE = /^([A-Z]+)(\d+)$/;

/** Chinese numeral clips for 1–99, as a counter is said: 2 二, 10 十, 12 十二, 20 二十, 21 二十一. */
export function chineseNumberClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`counter ${n} is not 1–99`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const clips: string[] = [];
  if (tens > 1) clips.push(`zh/${tens}`);
  if (tens > 0) clips.push('zh/10');
  if (units > 0) clips.push(`zh/${units}`);
  return clips;
}

/** English clips for a counter: its digits one by one (counter one two), as for the code. */
const englishNumberClips = (n: number) => [...String(n)].map((d) => `en/${d}`);

/** The clips and texts of one call. Throws on a code that is not letters then digits. */
export function callAnnouncement(words: CallWords): CallAnnouncement {
  const m = CODE_RE.exec(words.code);
  if (!m) throw new RangeError(`ticket code ${words.code} is not letters then digits`);
  const [, letters = '', digits = ''] = m;
  chineseNumberClips(words.counter); // the range check, before anything is built
  const zhDigit = (d: string) => (d === '1' && words.digitOne === 'yao' ? 'zh/yao' : `zh/${d}`);
  const clips = [
    'chime',
    'zh/qing',
    ...[...letters].map((l) => `zh/${l}`),
    ...[...digits].map(zhDigit),
    'zh/hao-guke',
    'zh/dao',
    ...chineseNumberClips(words.counter),
    'zh/hao-chuangkou',
  ];
  const text = `请${words.code}号顾客到${words.counter}号窗口`;
  if (!words.english) return { clips, text };
  clips.push(
    'en/ticket',
    ...[...letters].map((l) => `en/${l}`),
    ...[...digits].map((d) => `en/${d}`),
    'en/please-go-to',
    'en/counter',
    ...englishNumberClips(words.counter),
  );
  return { clips, text, textEn: `Ticket ${words.code}, please go to counter ${words.counter}` };
}
