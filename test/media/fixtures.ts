import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FFMPEG } from '../../server/media/ffmpeg.ts';
import type { Client } from '../helpers/server.ts';
import { tone } from '../helpers/tones.ts';

/** A real PCM WAV file of `seconds` of a 440 Hz tone. */
export function wav(seconds: number, rate = 8000, amplitude = 8000): Buffer {
  return tone(seconds, 440, rate, amplitude / 32767);
}

/** One second of tone encoded by ffmpeg into the format a file name's extension names. */
export function encoded(ext: string): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'deskcast-enc-')), `tone.${ext}`);
  const format = ext === 'weba' ? ['-f', 'webm', '-c:a', 'libopus'] : [];
  execFileSync(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'],
    ...format,
    out,
  ]);
  return readFileSync(out);
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Uploads a file as the console does: a multipart form with `file` and text fields. */
export function upload(
  client: Client,
  bytes: Uint8Array,
  name: string,
  fields: Record<string, string | string[]> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields))
    for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
  form.append('file', new Blob([bytes]), name);
  return client.post('/api/media', form);
}

/** The names in the store folder, uploads in progress (`.incoming/`) included. */
export function storedFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'media');
  return [
    ...readdirSync(dir).filter((n) => n !== '.incoming'),
    ...readdirSync(join(dir, '.incoming')).map((n) => `.incoming/${n}`),
  ].sort();
}

/** A GET whose path is sent exactly as written (fetch would resolve `..` first). */
export function rawGet(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
