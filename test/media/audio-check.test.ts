import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationProblem, formatProblem } from '../../server/media/audio-check.ts';
import { decodeAudio, parseAudioStream, parseProgressMs } from '../../server/media/decode.ts';
import { encodeArgs, parseLoudnorm } from '../../server/media/normalise.ts';
import { peakReducer } from '../../server/media/peaks.ts';
import { wav } from './fixtures.ts';

describe('formatProblem', () => {
  it('refuses sample rates and channel counts no recording has', () => {
    expect(formatProblem({ sampleRate: 44100, channels: 2 })).toBeUndefined();
    expect(formatProblem({ sampleRate: 8000, channels: 8 })).toBeUndefined();
    expect(formatProblem({ sampleRate: 192_000, channels: 1 })).toBeUndefined();
    expect(formatProblem({})).toBeUndefined();
    expect(formatProblem({ sampleRate: 1 })?.code).toBe('bad-format');
    expect(formatProblem({ sampleRate: 7999 })?.message).toContain('7.999 kHz');
    expect(formatProblem({ sampleRate: 384_000 })?.message).toContain('384 kHz');
    expect(formatProblem({ channels: 0 })?.message).toContain('no audio channels');
    expect(formatProblem({ channels: 9 })?.message).toContain('9 channels');
  });
});

describe('durationProblem', () => {
  it('refuses audio much shorter than its header, allowing padding and estimates', () => {
    expect(durationProblem({ durationMs: 17_032 }, { durationMs: 17_000 })).toBeUndefined();
    expect(durationProblem({ durationMs: 4000 }, { durationMs: 3500 })).toBeUndefined();
    expect(durationProblem({}, { durationMs: 3500 })).toBeUndefined();
    expect(durationProblem({ durationMs: 17_000 }, { durationMs: 27 })).toMatchObject({
      code: 'cut-short',
    });
    // Five per cent of a long file is more than a second.
    expect(durationProblem({ durationMs: 600_000 }, { durationMs: 580_000 })).toBeUndefined();
    expect(durationProblem({ durationMs: 600_000 }, { durationMs: 560_000 })?.message).toContain(
      'its header says 10:00 but only 9:20',
    );
    expect(durationProblem({}, { durationMs: 40 })?.code).toBe('not-audio');
  });
});

describe('ffmpeg output', () => {
  it('reads the input stream, not the output, from the banner', () => {
    const banner = [
      "Input #0, wav, from 'x.wav':",
      '  Duration: 02:13:20.00, bitrate: 0 kb/s',
      '    Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 1 Hz, mono, s16, 0 kb/s',
      'Stream mapping:',
      'Output #0, null, to pipe:',
      '    Stream #0:0: Audio: pcm_s16le, 44100 Hz, stereo, s16, 1411 kb/s',
    ].join('\n');
    expect(parseAudioStream(banner)).toEqual({ codec: 'pcm_s16le', sampleRate: 1, channels: 1 });
    expect(
      parseAudioStream(
        '    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, 5.1, fltp',
      ),
    ).toEqual({ codec: 'aac', sampleRate: 48000, channels: 6 });
    expect(
      parseAudioStream('  Stream #0:0: Audio: pcm_s16le, 8000 Hz, 12 channels, s16')?.channels,
    ).toBe(12);
    expect(parseAudioStream('  Stream #0:0: Video: png, rgba, 10x10')).toBeUndefined();
  });

  it('takes the last progress time, in microseconds whatever ffmpeg 4 calls it', () => {
    expect(
      parseProgressMs(
        'out_time_ms=500000\nprogress=continue\nout_time_ms=17000000\nprogress=end\n',
      ),
    ).toBe(17_000);
    expect(parseProgressMs('out_time_us=1500000\n')).toBe(1500);
    expect(parseProgressMs('progress=end\n')).toBeUndefined();
  });

  it('reads loudnorm’s summary, and picks the source’s own encoder', () => {
    const stderr = `[Parsed_loudnorm_0 @ 0x1]\n{\n"input_i" : "-33.1",\n"input_tp" : "-20.0",\n"input_lra" : "0.0",\n"input_thresh" : "-43.1",\n"target_offset" : "0.1"\n}\n`;
    expect(parseLoudnorm(stderr)?.input_i).toBe('-33.1');
    expect(parseLoudnorm('no summary')).toBeUndefined();
    expect(encodeArgs({ ext: 'mp3', bitrate: 24_000 })).toEqual(
      expect.arrayContaining(['libmp3lame', '32k', 'mp3']),
    );
    expect(encodeArgs({ ext: 'wav', bitsPerSample: 24 })).toContain('pcm_s24le');
    expect(encodeArgs({ ext: 'ogg', codec: 'opus' })).toContain('libopus');
  });
});

describe('decodeAudio', () => {
  it('measures a file by decoding it, and gives up after its timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskcast-decode-'));
    const path = join(dir, 'tone.wav');
    writeFileSync(path, wav(2.5));
    expect(await decodeAudio(path)).toMatchObject({ ok: true, durationMs: 2500, sampleRate: 8000 });
    expect(await decodeAudio(path, { timeoutMs: 1 })).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
    expect(await decodeAudio(path, { command: join(dir, 'no-such-ffmpeg') })).toMatchObject({
      ok: false,
      reason: 'no-ffmpeg',
    });
  });
});

describe('peakReducer', () => {
  it('keeps the loudest sample of each bucket across chunk borders', () => {
    const r = peakReducer(8, 4);
    const samples = Buffer.alloc(16);
    [100, -16384, 0, 50, 32767, 0, -8192, 10].forEach((v, i) => samples.writeInt16LE(v, i * 2));
    r.push(samples.subarray(0, 3));
    r.push(samples.subarray(3));
    expect(r.result().peaks).toEqual([0.5, 0.002, 1, 0.25]);
  });
});
