import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { normaliseForSpeech } from './normalise.ts';
import { wavDurationMs } from './wav.ts';

/** How the text is spoken; part of the cache key, so a change renders afresh. */
export interface Voice {
  /** espeak-ng 1.51's plain `cmn` reads pinyin tone numbers in English (ecosystem.md §5.2). */
  voice: string;
  /** Words per minute. */
  speed: number;
  command: string;
}
export const DEFAULT_VOICE: Voice = { voice: 'cmn-latn-pinyin', speed: 150, command: 'espeak-ng' };

/** A long text would tie up the synthesiser; no announcement needs more. */
export const MAX_SPEECH_CHARS = 1000;
const RENDER_TIMEOUT_MS = 60_000;

export interface Speech {
  /** `<sha256>.wav`, served at `/tts/<name>`. */
  name: string;
  file: string;
  url: string;
  durationMs: number;
  /** The text as it was spoken, after normalisation. */
  spoken: string;
}

/** The synthesiser is not installed: the server works, but cannot speak text. */
export class TtsUnavailableError extends Error {
  constructor(command: string) {
    super(
      `text-to-speech is not available: ${command} is not installed (apt-get install espeak-ng)`,
    );
  }
}

/** Where rendered speech is kept. */
export const ttsDir = (dataDir: string) => join(dataDir, 'tts');
export const SPEECH_NAME = /^[0-9a-f]{64}\.wav$/;

/**
 * Speaks text into a WAV file, once per distinct (voice, speed, text): the same text again
 * is the same file. Written to a temp name and renamed, so a half-written file is never served.
 */
export async function renderSpeech(
  text: string,
  dir: string,
  voice: Voice = DEFAULT_VOICE,
): Promise<Speech> {
  const spoken = normaliseForSpeech(text);
  if (!spoken) throw new RangeError('nothing to say');
  if (spoken.length > MAX_SPEECH_CHARS)
    throw new RangeError(`at most ${MAX_SPEECH_CHARS} characters can be spoken`);
  const sha = createHash('sha256')
    .update(JSON.stringify([voice.voice, voice.speed, spoken]))
    .digest('hex');
  const name = `${sha}.wav`;
  const file = join(dir, name);
  const result = (durationMs: number) => ({ name, file, url: `/tts/${name}`, durationMs, spoken });

  const cached = await durationOf(file);
  if (cached !== undefined) return result(cached);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${sha}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await synthesise(spoken, tmp, voice);
    const durationMs = await durationOf(tmp);
    if (!durationMs) throw new Error(`${voice.command} wrote no audio for "${spoken}"`);
    await rename(tmp, file);
    return result(durationMs);
  } finally {
    await rm(tmp, { force: true });
  }
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

/** Runs the synthesiser with the text on stdin: never through a shell, never as an argument. */
function synthesise(text: string, out: string, voice: Voice): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['-v', voice.voice, '-s', String(voice.speed), '--stdin', '-w', out];
    const child = spawn(voice.command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RENDER_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(0, 2000);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? new TtsUnavailableError(voice.command) : err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(`${voice.command} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`),
        );
    });
    // A synthesiser that died at once closes stdin; its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${text}\n`);
  });
}
