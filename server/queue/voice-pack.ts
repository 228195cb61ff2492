import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { FFMPEG } from '../media/ffmpeg.ts';
import type { Synthesiser, Voice } from '../tts/synthesiser.ts';
import { decodeWav, encodeWav, type Pcm16 } from '../tts/wav.ts';

const run = promisify(execFile);

/** One clip of the pack: its name (server/queue/voice-clips.ts asks for it) and what it says. */
export interface ClipText {
  name: string;
  voice: Voice;
  text: string;
}

// Mandarin with cmn-latn-pinyin: plain `cmn` reads digits in English (ecosystem.md §5.2).
const ZH: Voice = { voice: 'cmn-latn-pinyin', speed: 150 };
const EN: Voice = { voice: 'en-us', speed: 165 };
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const ZH_DIGITS = [...'零一二三四五六七八九'];
const EN_DIGITS = 'zero one two three four five six seven eight nine'.split(' ');

/** Every speech clip of the pack, in the order made. */
export const PACK_CLIPS: readonly ClipText[] = [
  { name: 'zh/qing', voice: ZH, text: '请' },
  { name: 'zh/hao-guke', voice: ZH, text: '号顾客' },
  { name: 'zh/dao', voice: ZH, text: '到' },
  { name: 'zh/hao-chuangkou', voice: ZH, text: '号窗口' },
  ...ZH_DIGITS.map((text, d) => ({ name: `zh/${d}`, voice: ZH, text })),
  { name: 'zh/10', voice: ZH, text: '十' },
  // 幺: how 1 is read in numbers said one digit at a time, for who prefers it (queue.yaml digitOne).
  { name: 'zh/yao', voice: ZH, text: '幺' },
  ...LETTERS.map((text) => ({ name: `zh/${text}`, voice: ZH, text })),
  { name: 'en/ticket', voice: EN, text: 'Ticket' },
  { name: 'en/please-go-to', voice: EN, text: 'please go to' },
  { name: 'en/counter', voice: EN, text: 'counter' },
  ...EN_DIGITS.map((text, d) => ({ name: `en/${d}`, voice: EN, text })),
  ...LETTERS.map((text) => ({ name: `en/${text}`, voice: EN, text })),
];

export const PACK_RATE = 16_000;
/** Speech loudness of the pack; the chime sits a little below it. */
const SPEECH_LUFS = -16;
const CHIME_LUFS = -19;
const PEAK_DBTP = -1.5;

/**
 * Silence off both ends (below −50 dB, as espeak pads its words), 30 ms kept at the end so
 * joined clips do not run together; rumble below 70 Hz off; the pack's rate.
 */
const TRIM = [
  'volume=-6dB',
  'highpass=f=70',
  `aresample=${PACK_RATE}`,
  'silenceremove=start_periods=1:start_duration=0.01:start_threshold=-50dB',
  'areverse',
  'silenceremove=start_periods=1:start_duration=0.01:start_threshold=-50dB',
  'areverse',
  `apad=pad_len=${(PACK_RATE * 30) / 1000}`,
].join(',');

async function filter(input: string, output: string, graph: string): Promise<void> {
  await run(
    FFMPEG,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', input].concat([
      '-af',
      graph,
      '-ac',
      '1',
      '-ar',
      String(PACK_RATE),
      '-c:a',
      'pcm_s16le',
      output,
    ]),
  );
}

/** Integrated loudness (LUFS) and true peak (dBTP) of a file, by ffmpeg's loudnorm. */
async function loudness(file: string): Promise<{ i: number; tp: number }> {
  const { stderr } = await run(
    FFMPEG,
    ['-hide_banner', '-nostdin', '-i', file].concat([
      '-af',
      'loudnorm=print_format=json',
      '-f',
      'null',
      '-',
    ]),
  );
  const json = JSON.parse(stderr.slice(stderr.lastIndexOf('{'))) as Record<string, string>;
  return { i: Number(json.input_i), tp: Number(json.input_tp) };
}

const joined = (clips: readonly Pcm16[]): Pcm16 => {
  const samples = new Int16Array(clips.reduce((n, c) => n + c.samples.length, 0));
  let at = 0;
  for (const c of clips) samples.set(c.samples, (at += c.samples.length) - c.samples.length);
  return { rate: PACK_RATE, samples };
};

/**
 * Ding-dong: E5 then C5, each with a soft octave partial and a bell-like decay; the dong starts
 * 0.45 s in. Pure.
 */
export function chime(rate = PACK_RATE): Pcm16 {
  const samples = new Int16Array(Math.round(1.9 * rate));
  const bell = (from: number, seconds: number, hz: number) => {
    for (let n = 0; n < seconds * rate; n++) {
      const t = n / rate;
      const envelope = Math.min(1, t / 0.005) * Math.exp((-4.5 * t) / seconds);
      const wave = 0.8 * Math.sin(2 * Math.PI * hz * t) + 0.2 * Math.sin(4 * Math.PI * hz * t);
      const i = Math.round(from * rate) + n;
      samples[i] = Math.max(
        -32767,
        Math.min(32767, (samples[i] ?? 0) + 0.5 * 32767 * envelope * wave),
      );
    }
  };
  bell(0, 0.9, 659.26);
  bell(0.45, 1.3, 523.25);
  return { rate, samples };
}

/**
 * Builds the pack into `out`: each clip spoken by the server's own speech engine, trimmed and
 * resampled by ffmpeg, then one gain for all the speech (measured on it joined, so no digit is
 * louder than the next) through a limiter, since espeak's peaks stand high above its loudness.
 */
export async function buildVoicePack(out: string, synth: Synthesiser) {
  const tmp = await mkdtemp(join(tmpdir(), 'deskcast-voice-'));
  try {
    const trimmed = new Map<string, Pcm16>();
    for (const clip of PACK_CLIPS) {
      const raw = join(tmp, 'raw.wav');
      const cut = join(tmp, 'cut.wav');
      await writeFile(raw, await synth.synthesise(clip.text, clip.voice));
      await filter(raw, cut, TRIM);
      trimmed.set(clip.name, decodeWav(await readFile(cut)));
    }
    const speech = join(tmp, 'speech.wav');
    await writeFile(speech, encodeWav(joined([...trimmed.values()])));

    const apply = async (gainDb: number) => {
      const level = `volume=${gainDb.toFixed(2)}dB,alimiter=limit=${10 ** (PEAK_DBTP / 20)}:level=false:attack=1`;
      const done: Pcm16[] = [];
      for (const [name, pcm] of trimmed) {
        const file = join(out, `${name}.wav`);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(join(tmp, 'in.wav'), encodeWav(pcm));
        await filter(join(tmp, 'in.wav'), file, level);
        done.push(decodeWav(await readFile(file)));
      }
      await writeFile(join(tmp, 'all.wav'), encodeWav(joined(done)));
      return loudness(join(tmp, 'all.wav'));
    };
    // The limiter takes back some of the gain: a second pass makes up for it.
    let gain = SPEECH_LUFS - (await loudness(speech)).i;
    gain += SPEECH_LUFS - (await apply(gain)).i;
    const level = await apply(gain);

    const bell = join(tmp, 'chime.wav');
    await writeFile(bell, encodeWav(chime()));
    const c = await loudness(bell);
    const chimeGain = Math.min(CHIME_LUFS - c.i, PEAK_DBTP - c.tp);
    await filter(bell, join(out, 'chime.wav'), `volume=${chimeGain.toFixed(2)}dB`);
    return { clips: PACK_CLIPS.length, lufs: level.i, peakDbtp: level.tp, chimeGainDb: chimeGain };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
