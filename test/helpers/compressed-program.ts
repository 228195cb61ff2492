import { formatInstant } from '../../core/zoned-time.ts';
import type { Client } from './server.ts';
import { tone } from './tones.ts';

/**
 * A program squeezed into seconds, for browser tests: the mall's zone is set to a fixed-offset
 * zone where it is now around midday, so "today" never crosses midnight mid-test.
 */
export function middayZone(now = Date.now()): { zone: string; offsetMinutes: number } {
  const utcHour = new Date(now).getUTCHours();
  let offset = 12 - utcHour;
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // Etc/GMT signs are inverted: Etc/GMT-8 is UTC+8.
  return {
    zone: offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`,
    offsetMinutes: offset * 60,
  };
}

/** `HH:MM:SS` on the zone's clock for an instant. */
export function clockIn(epochMs: number, offsetMinutes: number): string {
  return formatInstant(Math.round(epochMs / 1000) * 1000, offsetMinutes).slice(11, 19);
}

export async function uploadTone(
  admin: Client,
  id: string,
  tags: string[],
  seconds: number,
  hz: number,
): Promise<void> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([tone(seconds, hz)], { type: 'audio/wav' }),
    `${id.split('/').pop()}.wav`,
  );
  form.append('id', id);
  form.append('title', `${hz} Hz tone`);
  form.append('tags', tags.join(','));
  const r = await admin.post('/api/media', form);
  if (r.status !== 201) throw new Error(`upload ${id}: ${r.status} ${r.text}`);
}

export interface CompressedRow {
  slot: 'background' | 'welcome-speech' | 'farewell-music';
  /** Seconds after t0. */
  from: number;
  until?: number;
  id?: string;
  /** A music row's own ordered playlist: the tones with these tags instead of its slot's. */
  tags?: string[];
}

/**
 * Puts a test program on the server: `background` plays 440/550 Hz tones, `welcome-speech` an
 * 880 Hz tone over it, `farewell-music` a 330 Hz tone. Rows are seconds after `t0`.
 */
export async function setCompressedProgram(
  admin: Client,
  t0: number,
  rows: CompressedRow[],
): Promise<{ zone: string }> {
  const { zone, offsetMinutes } = middayZone(t0);
  const at = (s: number) => `'${clockIn(t0 + s * 1000, offsetMinutes)}'`;
  const lastSecond = Math.max(...rows.map((r) => r.until ?? r.from + 5));
  const calendar = (await admin.get('/api/calendar/export')).text.replace(
    /^timezone: .*$/m,
    `timezone: ${zone}`,
  );
  const save = async (file: string, yaml: string) => {
    const r = await admin.put(`/api/${file}`, { yaml });
    if (r.status !== 200) throw new Error(`${file}: ${r.status} ${r.text}`);
  };
  await save('volume', 'scale: { min: 0, max: 30 }\ndefaults: { music: 24, speech: 26 }\n');
  await save('calendar', calendar);
  const items = rows
    .map((r, i) =>
      r.slot === 'welcome-speech'
        ? `      - { ${r.id ? `id: ${r.id}, ` : ''}slot: welcome-speech, at: ${at(r.from)}, window: 5m }`
        : `      - { ${r.id ? `id: ${r.id}, ` : ''}slot: ${r.slot}, from: ${at(r.from)}, until: ${at(r.until ?? r.from + 5)}${r.tags ? `, playlist: row-${i}` : ''} }`,
    )
    .join('\n');
  const rowPlaylists = rows
    .flatMap((r, i) =>
      r.tags ? [`  row-${i}: { tags: [${r.tags.join(', ')}], order: ordered }\n`] : [],
    )
    .join('');
  await save(
    'program',
    `slots:
  background: { type: music, playlist: tones, fadeOut: 200ms }
  farewell-music: { type: music, playlist: farewell-tone, fadeOut: 500ms }
  welcome-speech: { type: speech, media: test/speech-880 }
playlists:
  tones: { tags: [test, bed], order: ordered }
  farewell-tone: { tags: [test, farewell], order: ordered }
${rowPlaylists}precedence: [welcome-speech]
dayParts:
  morning: { from: onAir, until: closing }
  afternoon: { from: onAir, until: closing }
dayTypes:
  normal:
    onAir: ${at(-60)}
    opening: ${at(-60)}
    closing: ${at(lastSecond + 60)}
    items:
${items}
`,
  );
  return { zone };
}

/** The tones the compressed program plays; upload once per server. */
export async function uploadTestTones(admin: Client): Promise<void> {
  await uploadTone(admin, 'test/bed/01-a440', ['test', 'bed'], 4, 440);
  await uploadTone(admin, 'test/bed/02-a550', ['test', 'bed'], 4, 550);
  await uploadTone(admin, 'test/speech-880', ['test', 'speech'], 2, 880);
  await uploadTone(admin, 'test/farewell/330', ['test', 'farewell'], 6, 330);
}
