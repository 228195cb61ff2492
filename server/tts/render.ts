import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normaliseForSpeech } from './normalise.ts';
import { DEFAULT_VOICE, type Synthesiser, type Voice } from './synthesiser.ts';
import { wavDurationMs } from './wav.ts';

/** A long text would tie up the synthesiser; no announcement needs more. */
export const MAX_SPEECH_CHARS = 1000;

export interface Speech {
  /** `<sha256>.wav`, served at `/tts/<name>`. */
  name: string;
  file: string;
  url: string;
  durationMs: number;
  /** The text as it was spoken, after normalisation. */
  spoken: string;
  /** Bytes written by this call: 0 when the text was rendered before (served from the cache). */
  renderedBytes: number;
}

/** Where rendered speech is kept. */
export const ttsDir = (dataDir: string) => join(dataDir, 'tts');
export const SPEECH_NAME = /^[0-9a-f]{64}\.wav$/;

/**
 * Speaks text into a WAV file, once per distinct (engine, voice, speed, text): the same text
 * again is the same file. Written to a temp name and renamed, so a half-written file is never
 * served.
 */
export async function renderSpeech(
  text: string,
  dir: string,
  synth: Synthesiser,
  voice: Voice = DEFAULT_VOICE,
): Promise<Speech> {
  const spoken = normaliseForSpeech(text);
  if (!spoken) throw new RangeError('nothing to say');
  if (spoken.length > MAX_SPEECH_CHARS)
    throw new RangeError(`at most ${MAX_SPEECH_CHARS} characters can be spoken`);
  const name = speechName(spoken, synth.id, voice);
  const sha = name.slice(0, -'.wav'.length);
  const file = join(dir, name);
  const result = (durationMs: number, renderedBytes = 0) => ({
    name,
    file,
    url: `/tts/${name}`,
    durationMs,
    spoken,
    renderedBytes,
  });

  const cached = await durationOf(file);
  if (cached !== undefined) {
    // The mtime says when it was last asked for: the cache keeps what is in use.
    const t = new Date();
    await utimes(file, t, t).catch(() => undefined);
    return result(cached);
  }
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${sha}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const wav = await synth.synthesise(spoken, voice);
    await writeFile(tmp, wav);
    const durationMs = await durationOf(tmp);
    if (!durationMs) throw new Error(`${synth.id} made no audio for "${spoken}"`);
    await rename(tmp, file);
    return result(durationMs, wav.byteLength);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** The file a text is rendered into: a hash of the engine, the voice and the words said. */
export function speechName(spoken: string, synthId: string, voice: Voice = DEFAULT_VOICE): string {
  const sha = createHash('sha256')
    .update(JSON.stringify([synthId, voice.voice, voice.speed, spoken]))
    .digest('hex');
  return `${sha}.wav`;
}

/** The file `text` is (or would be) rendered into, after normalisation; undefined if unsayable. */
export function speechNameOf(text: string, synthId: string, voice: Voice = DEFAULT_VOICE) {
  const spoken = normaliseForSpeech(text);
  return spoken ? speechName(spoken, synthId, voice) : undefined;
}

/** The WAV's length, or undefined when there is no such file (or it is not a WAV). */
async function durationOf(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const handle = await open(file, 'r');
  try {
    const header = new Uint8Array(4096);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    return wavDurationMs(header.subarray(0, bytesRead), info.size);
  } finally {
    await handle.close();
  }
}
