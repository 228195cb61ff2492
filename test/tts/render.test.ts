import { existsSync } from 'node:fs';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SPEECH_CHARS, renderSpeech as render } from '../../server/tts/render.ts';
import { espeakWasm } from '../../server/tts/synthesiser.ts';
import { countingSynth } from '../helpers/counting-synth.ts';
import { wavDurationMs } from '../../server/tts/wav.ts';

const synth = espeakWasm();
afterAll(() => synth.close());
const renderSpeech = (text: string, into: string) => render(text, into, synth);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskcast-tts-'));
});

describe('renderSpeech', () => {
  it('renders text to a WAV named by its hash, with its duration', async () => {
    const s = await renderSpeech('请A012号顾客到2号窗口', dir);
    expect(s.name).toMatch(/^[0-9a-f]{64}\.wav$/);
    expect(s.url).toBe(`/tts/${s.name}`);
    expect(s.spoken).toBe('请A零一二号顾客到二号窗口');
    // 13 syllables at 150 words a minute: a few seconds, not nothing and not a minute.
    expect(s.durationMs).toBeGreaterThan(2000);
    expect(s.durationMs).toBeLessThan(15000);
    const { size } = await stat(s.file);
    expect(size).toBeGreaterThan(44);
    expect(await readdir(dir)).toEqual([s.name]); // no temp file left behind
  });

  it('renders the same speech once: same text (or the same once normalised) is the same file', async () => {
    const counting = countingSynth(synth);
    const a = await render('请A012号顾客到2号窗口', dir, counting);
    const b = await render('  请A０１２号顾客到二号窗口 ', dir, counting);
    expect(b.name).toBe(a.name);
    expect(b.durationMs).toBe(a.durationMs);
    expect(counting.renders).toBe(1);
    const other = await renderSpeech('请A013号顾客到2号窗口', dir);
    expect(other.name).not.toBe(a.name);
  });

  it('passes text to the synthesiser as data, never to a shell', async () => {
    const marker = join(dir, 'pwned');
    const s = await renderSpeech(
      `欢迎光临 $(touch ${marker}) \`touch ${marker}\`; touch ${marker}`,
      dir,
    );
    expect(s.durationMs).toBeGreaterThan(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('stops a render that runs past its time, leaves no file, and renders the next one', async () => {
    const hasty = espeakWasm({ timeoutMs: 1 });
    try {
      const err = await render('欢迎光临，祝您购物愉快。', dir, hasty).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/took more than 1 ms and was stopped/);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      hasty.close();
    }
    expect((await renderSpeech('欢迎光临，祝您购物愉快。', dir)).durationMs).toBeGreaterThan(1000);
  });

  it('renders in a worker: the server goes on answering while a long text is spoken', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      await renderSpeech(
        '欢迎光临本商场，祝您购物愉快。'.repeat(60).slice(0, MAX_SPEECH_CHARS),
        dir,
      );
    } finally {
      clearInterval(timer);
    }
    // Rendered on this thread, the text would hold the event loop for its whole length.
    expect(ticks).toBeGreaterThan(20);
  });

  it('refuses empty text', async () => {
    await expect(renderSpeech('   ', dir)).rejects.toThrow(RangeError);
  });
});

describe('wavDurationMs', () => {
  const wav = (dataBytes: number, byteRate: number, declared = dataBytes) => {
    const b = Buffer.alloc(44);
    b.write('RIFF', 0);
    b.writeUInt32LE(36 + dataBytes, 4);
    b.write('WAVE', 8);
    b.write('fmt ', 12);
    b.writeUInt32LE(16, 16);
    b.writeUInt16LE(1, 20);
    b.writeUInt16LE(1, 22);
    b.writeUInt32LE(byteRate / 2, 24);
    b.writeUInt32LE(byteRate, 28);
    b.writeUInt16LE(2, 32);
    b.writeUInt16LE(16, 34);
    b.write('data', 36);
    b.writeUInt32LE(declared, 40);
    return new Uint8Array(b);
  };

  it('divides the data by the byte rate', () => {
    expect(wavDurationMs(wav(44100, 44100), 44 + 44100)).toBe(1000);
  });

  it('uses the file size when a streaming writer left a placeholder size', () => {
    expect(wavDurationMs(wav(0, 44100, 0xffffffff), 44 + 22050)).toBe(500);
  });

  it('is undefined for what is not a WAV', () => {
    expect(wavDurationMs(new TextEncoder().encode('ID3 not a wav at all....'), 24)).toBeUndefined();
  });
});
