import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { sniffAudio, STORED_NAME } from '../../server/media/formats.ts';
import { loudnessMeter, parseIntegratedLoudness } from '../../server/media/loudness.ts';
import { parseRange } from '../../server/media/range.ts';
import { slugify } from '../../server/media/schemas.ts';
import { wav } from './fixtures.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('sniffAudio', () => {
  it('names the container from the first bytes, whatever the file is called', () => {
    expect(sniffAudio(bytes('ID3', [3, 0, 0]))).toBe('mp3');
    expect(sniffAudio(bytes([0xff, 0xfb, 0x90, 0]))).toBe('mp3');
    expect(sniffAudio(bytes([0xff, 0xf1, 0x50, 0x80]))).toBe('aac');
    expect(sniffAudio(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe('wav');
    expect(sniffAudio(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBeUndefined();
    expect(sniffAudio(bytes('OggS', [0]))).toBe('ogg');
    expect(sniffAudio(bytes('fLaC', [0]))).toBe('flac');
    expect(sniffAudio(bytes([0, 0, 0, 0x1c], 'ftypM4A '))).toBe('m4a');
    expect(sniffAudio(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toBe('weba');
    expect(sniffAudio(bytes('<html>'))).toBeUndefined();
    expect(sniffAudio(bytes([0x89], 'PNG'))).toBeUndefined();
    expect(sniffAudio(new Uint8Array())).toBeUndefined();
  });

  it('accepts only `<sha256>.<audio ext>` as a stored name', () => {
    const sha = 'a'.repeat(64);
    expect(STORED_NAME.test(`${sha}.mp3`)).toBe(true);
    for (const bad of [
      `${sha}.exe`,
      `${sha}.mp3/..`,
      `../${sha}.mp3`,
      `${sha.slice(1)}.mp3`,
      `${sha.toUpperCase()}.mp3`,
    ])
      expect(STORED_NAME.test(bad), bad).toBe(false);
  });
});

describe('parseRange', () => {
  it('reads single ranges and refuses those past the end', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    for (const ignored of [
      undefined,
      '',
      'bytes=',
      'bytes=-',
      'bytes=9-3',
      'bytes=0-1,4-5',
      'lines=1-2',
    ])
      expect(parseRange(ignored, 1000), String(ignored)).toBeUndefined();
  });
});

describe('loudness', () => {
  it('reads the integrated loudness from the summary, not the frame log', () => {
    const out = `[Parsed_ebur128_0 @ 0x1] t: 0.4 M: -20.0 S: -120.7 I: -20.0 LUFS\n[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -16.6 LUFS\n    Threshold: -26.7 LUFS\n`;
    expect(parseIntegratedLoudness(out)).toBe(-16.6);
    expect(parseIntegratedLoudness('Error initializing filter')).toBeNull();
  });

  it('gives null, said once in the log, when ffmpeg is not installed', async () => {
    const lines: string[] = [];
    const measure = loudnessMeter(
      createLogger('debug', (l) => lines.push(l)),
      'no-such-ffmpeg-here',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'deskcast-lufs-')), 'a.wav');
    writeFileSync(file, wav(1));
    expect(await measure(file)).toBeNull();
    expect(await measure(file)).toBeNull();
    expect(lines.filter((l) => l.includes('ffmpeg is not on the PATH'))).toHaveLength(1);
  });
});

describe('slugify', () => {
  it('makes a file name into an id segment', () => {
    expect(slugify('Quiet Garden (v2).MP3')).toBe('quiet-garden-v2');
    expect(slugify('Café Olé.wav')).toBe('cafe-ole');
    expect(slugify('兰亭 沙发.mp3')).toBe('兰亭-沙发');
    expect(slugify('...mp3')).toBe('');
  });
});
