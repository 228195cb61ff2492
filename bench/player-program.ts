import type { CompressedRow } from '../test/helpers/compressed-program.ts';
import type { Client } from '../test/helpers/server.ts';
import { tone } from '../test/helpers/tones.ts';

/** The mixed part, measured for start-time error: seconds after t0. */
export const MIXED_SECONDS = 75;
/** Speech every so often over the music; the program's voice gap (2 s) after each 2 s play. */
const SPEECH_EVERY_S = 5;
/** The long part, played to watch the page's memory: this many tones back to back. */
export const QUICK_ITEMS = 1000;
export const QUICK_TONE_S = 0.3;
export const QUICK_FROM_S = MIXED_SECONDS + 1;
export const QUICK_UNTIL_S = QUICK_FROM_S + Math.ceil(QUICK_ITEMS * QUICK_TONE_S);
/** Each file ends in this much silence, so the next play's first sound can be heard as such. */
const SILENT_TAIL_S = 0.03;
const RATE = 22050;

/** A sine tone whose last 30 ms are silent (the WAV helper's format: mono 16-bit). */
function tailedTone(seconds: number, hz: number): Buffer {
  const wav = tone(seconds, hz, RATE);
  wav.fill(0, 44 + Math.round((seconds - SILENT_TAIL_S) * RATE) * 2);
  return wav;
}

async function upload(admin: Client, id: string, tags: string[], s: number, hz: number) {
  const form = new FormData();
  form.append('file', new Blob([tailedTone(s, hz)], { type: 'audio/wav' }), `${hz}.wav`);
  form.append('id', id);
  form.append('title', `${hz} Hz tone`);
  form.append('tags', tags.join(','));
  const r = await admin.post('/api/media', form);
  if (r.status !== 201) throw new Error(`upload ${id}: ${r.status} ${r.text}`);
}

/**
 * The tones the bench program plays: 1, 1.5 and 2 s music (the `background` slot's playlist
 * takes every `test, bed` tone, so the test suite's 4 s ones are not uploaded), 2 s speech,
 * two 0.3 s tones for the long part, and the farewell tone the helper's program refers to.
 */
export async function uploadBenchTones(admin: Client): Promise<void> {
  await upload(admin, 'test/bed/m1-440', ['test', 'bed'], 1, 440);
  await upload(admin, 'test/bed/m2-550', ['test', 'bed'], 1.5, 550);
  await upload(admin, 'test/bed/m3-660', ['test', 'bed'], 2, 660);
  await upload(admin, 'test/speech-880', ['test', 'speech'], 2, 880);
  await upload(admin, 'test/quick/q1-700', ['test', 'quick'], QUICK_TONE_S, 700);
  await upload(admin, 'test/quick/q2-770', ['test', 'quick'], QUICK_TONE_S, 770);
  // Unplayed, but the helper's program names a farewell playlist, which must not be empty.
  await upload(admin, 'test/farewell/330', ['test', 'farewell'], 1, 330);
}

/**
 * Mixed part: three music blocks of 1–2 s tones (two adjacent, so one is cut with a fade, then
 * two seconds of planned silence) with speech over them every 5 s, so starts come a fraction
 * of a second to two seconds apart and sometimes on both layers at once. Then the long part.
 */
export function benchRows(): CompressedRow[] {
  const speech: CompressedRow[] = [];
  for (let s = 3, n = 1; s < MIXED_SECONDS - 1; s += SPEECH_EVERY_S, n++)
    speech.push({ slot: 'welcome-speech', id: `say-${n}`, from: s });
  return [
    { slot: 'background', id: 'mix-a', from: 0, until: 25 },
    { slot: 'background', id: 'mix-b', from: 25, until: 48 },
    { slot: 'background', id: 'mix-c', from: 50, until: MIXED_SECONDS },
    ...speech,
    {
      slot: 'background',
      id: 'quick',
      from: QUICK_FROM_S,
      until: QUICK_UNTIL_S,
      tags: ['test', 'quick'],
    },
  ];
}
