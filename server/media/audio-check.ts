/**
 * Whether an audio file is what it says it is: the format its header claims must be one a PA
 * can play, and the audio that really decodes must be about as long as the header says. Pure;
 * the messages are shown to staff as they are (Chinese first, then English).
 */

/** What a file's header says about itself (music-metadata); each may be missing. */
export interface HeaderClaims {
  durationMs?: number;
  sampleRate?: number;
  channels?: number;
}

/** What ffmpeg found when it decoded the whole file. */
export interface DecodedAudio {
  durationMs: number;
  sampleRate?: number;
  channels?: number;
}

export const AUDIO_LIMITS = {
  minSampleRate: 8000,
  maxSampleRate: 192_000,
  maxChannels: 8,
  /** Shorter than this is a click, not something to broadcast. */
  minDurationMs: 100,
} as const;

export type RefusalCode = 'not-audio' | 'bad-format' | 'cut-short';
export interface Refusal {
  code: RefusalCode;
  message: string;
}

const seconds = (ms: number) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`
    : `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)} s`;

const hz = (rate: number) => (rate >= 1000 ? `${rate / 1000} kHz` : `${rate} Hz`);

/** A sample rate or channel count no real recording has: the header is broken or forged. */
export function formatProblem(f: { sampleRate?: number; channels?: number }): Refusal | undefined {
  const { minSampleRate: min, maxSampleRate: max, maxChannels } = AUDIO_LIMITS;
  if (f.sampleRate !== undefined && (f.sampleRate < min || f.sampleRate > max))
    return {
      code: 'bad-format',
      message:
        `采样率 ${hz(f.sampleRate)} 不合理，应在 ${hz(min)}–${hz(max)} 之间 · ` +
        `a sample rate of ${hz(f.sampleRate)} is not real audio (accepted: ${hz(min)} to ${hz(max)})`,
    };
  if (f.channels !== undefined && f.channels < 1)
    return {
      code: 'bad-format',
      message: '文件声明 0 个声道 · the file says it has no audio channels',
    };
  if (f.channels !== undefined && f.channels > maxChannels)
    return {
      code: 'bad-format',
      message:
        `${f.channels} 个声道太多，最多 ${maxChannels} 个 · ` +
        `${f.channels} channels is more than the ${maxChannels} accepted`,
    };
  return undefined;
}

/**
 * Refuses a file whose decodable audio is much shorter than its header claims (a copy cut off
 * mid-way keeps the header of the whole), or too short to be anything. Allows a little: MP3
 * headers count the encoder's padding, and estimates from the bit rate are rough.
 */
export function durationProblem(header: HeaderClaims, decoded: DecodedAudio): Refusal | undefined {
  const claimed = header.durationMs;
  const got = decoded.durationMs;
  if (claimed !== undefined && claimed - got > Math.max(1000, claimed * 0.05))
    return {
      code: 'cut-short',
      message:
        `文件不完整：文件头标明 ${seconds(claimed)}，实际只能解码出 ${seconds(got)}，请重新导出或复制完整文件 · ` +
        `the file is cut short: its header says ${seconds(claimed)} but only ${seconds(got)} of audio decodes ` +
        '(export or copy the whole file again)',
    };
  if (got < AUDIO_LIMITS.minDurationMs)
    return {
      code: 'not-audio',
      message: `解码出的声音只有 ${Math.round(got)} 毫秒 · only ${Math.round(got)} ms of audio could be decoded`,
    };
  return undefined;
}
