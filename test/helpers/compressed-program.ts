import { formatInstant } from '../../core/zoned-time.ts';
import type { AudioTap } from './audio-tap.ts';
import type { Client } from './server.ts';
import { steppedTone, tone } from './tones.ts';

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

async function upload(admin: Client, id: string, tags: string[], wav: Buffer, title: string) {
  const form = new FormData();
  form.append('file', new Blob([wav], { type: 'audio/wav' }), `${id.split('/').pop()}.wav`);
  form.append('id', id);
  form.append('title', title);
  form.append('tags', tags.join(','));
  const r = await admin.post('/api/media', form);
  if (r.status !== 201) throw new Error(`upload ${id}: ${r.status} ${r.text}`);
}

export async function uploadTone(
  admin: Client,
  id: string,
  tags: string[],
  seconds: number,
  hz: number,
): Promise<void> {
  await upload(admin, id, tags, tone(seconds, hz), `${hz} Hz tone`);
}

/** The pitch of each steady test tone, by media id: tests tell items apart by what is heard. */
export const TONE_HZ: Readonly<Record<string, number>> = {
  'test/bed/01-a440': 440,
  'test/bed/02-a550': 550,
  'test/speech-880': 880,
  'test/farewell/330': 330,
  'test/announce-700': 700,
};

/** A music file whose pitch rises every second, so the pitch heard tells the offset into it. */
export const STEPPED = { id: 'test/stepped/rising', seconds: 16, hz0: 1000, stepHz: 100 } as const;

/** The stepped file's pitch `offsetS` seconds into it. */
export const steppedHz = (offsetS: number): number =>
  STEPPED.hz0 + Math.floor(offsetS) * STEPPED.stepHz;

/** Every pitch the stepped file sounds, one a second. */
export const STEPPED_PITCHES: readonly number[] = Array.from({ length: STEPPED.seconds }, (_, k) =>
  steppedHz(k),
);

/** Every pitch the test tones sound, for the listening tap (test/helpers/audio-tap.ts). */
export const TEST_PITCHES: readonly number[] = [...Object.values(TONE_HZ), ...STEPPED_PITCHES];

/** Windows this close to one of the stepped file's whole seconds may hold either pitch. */
const STEP_EDGE_MS = 60;

/**
 * How the stepped file sounded over a span, against the plan (its item began at `startMs`): in
 * how many windows it was heard, in how many the pitch said another second of the file than
 * the plan's, and a tally (`heard s / planned s × windows`) for the failure message.
 */
export function steppedHeard(
  tap: AudioTap,
  startMs: number,
  fromMs: number,
  toMs: number,
): { windows: number; wrong: number; tally: string } {
  const pitches = new Set(STEPPED_PITCHES);
  const tally = new Map<string, number>();
  let windows = 0;
  let wrong = 0;
  for (const h of tap.heard(fromMs, toMs)) {
    const hz = tap.dominant(h);
    const intoMs = h.atMs - startMs;
    if (hz === undefined || !pitches.has(hz)) continue;
    if (Math.abs(intoMs - Math.round(intoMs / 1000) * 1000) < STEP_EDGE_MS) continue;
    const heardS = (hz - STEPPED.hz0) / STEPPED.stepHz;
    const plannedS = Math.floor(intoMs / 1000);
    windows++;
    if (heardS !== plannedS) wrong++;
    const key = `heard ${heardS} s / planned ${plannedS} s`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return {
    windows,
    wrong,
    tally: [...tally].map(([k, n]) => `${k} ×${n}`).join(', ') || 'nothing',
  };
}

/**
 * The instants the stepped file is heard moving on to its next second (the pitch rising one
 * step and holding), with the second it moved to: the offset into the file, timed by ear.
 */
export function steppedEdges(
  tap: AudioTap,
  fromMs: number,
  toMs: number,
): { atMs: number; toS: number }[] {
  const edges: { atMs: number; toS: number }[] = [];
  const seconds = tap.heard(fromMs, toMs).map((h) => {
    const hz = tap.dominant(h);
    return {
      atMs: h.atMs,
      s:
        hz !== undefined && STEPPED_PITCHES.includes(hz) ? (hz - STEPPED.hz0) / STEPPED.stepHz : -1,
    };
  });
  const HOLD = 5;
  for (let i = 1; i + HOLD < seconds.length; i++) {
    const prev = seconds[i - 1]!.s;
    const next = seconds.slice(i, i + HOLD);
    if (prev >= 0 && next.every((x) => x.s === prev + 1))
      edges.push({ atMs: (seconds[i - 1]!.atMs + seconds[i]!.atMs) / 2, toS: prev + 1 });
  }
  return edges;
}

/** The compressed program's weather sentence (a `weather` row), kept short to say. */
export const WEATHER_TEMPLATE = '天气{condition}，{low}到{high}度。';

async function save(admin: Client, file: string, yaml: string): Promise<void> {
  const r = await admin.put(`/api/${file}`, { yaml });
  if (r.status !== 200) throw new Error(`${file}: ${r.status} ${r.text}`);
}

/**
 * Moves the mall to the zone where it is about midday (setCompressedProgram does it too). A
 * test that opens a page before it sets its program calls this first: a page that learnt one
 * zone and then sees the day change under it may look up the wrong day's plan for a while.
 */
export async function useMiddayZone(admin: Client, now = Date.now()): Promise<void> {
  const calendar = (await admin.get('/api/calendar/export')).text;
  const zone = `timezone: ${middayZone(now).zone}`;
  if (!calendar.includes(`${zone}\n`))
    await save(admin, 'calendar', calendar.replace(/^timezone: .*$/m, zone));
}

export interface CompressedRow {
  /** `weather`: the forecast stored for the day, spoken by text-to-speech (WEATHER_TEMPLATE). */
  slot: 'background' | 'welcome-speech' | 'farewell-music' | 'weather';
  /** Seconds after t0. */
  from: number;
  until?: number;
  id?: string;
  /** A music row's own ordered playlist: the tones with these tags instead of its slot's. */
  tags?: string[];
}

/**
 * Puts a test program on the server: `background` plays 6 s tones of 440 then 550 Hz,
 * `welcome-speech` a 3 s 880 Hz tone over it, `farewell-music` a 330 Hz tone. Rows are seconds
 * after `t0`.
 */
export async function setCompressedProgram(
  admin: Client,
  t0: number,
  rows: CompressedRow[],
): Promise<{ zone: string }> {
  const { zone, offsetMinutes } = middayZone(t0);
  const at = (s: number) => `'${clockIn(t0 + s * 1000, offsetMinutes)}'`;
  const lastSecond = Math.max(...rows.map((r) => r.until ?? r.from + 5));
  // Only the program changes from one test to the next; each save compiles a week of plans.
  const volume = 'scale: { min: 0, max: 30 }\ndefaults: { music: 24, speech: 26 }\n';
  if ((await admin.get('/api/volume/export')).text !== volume) await save(admin, 'volume', volume);
  await useMiddayZone(admin, t0);
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
  const weather = rows.some((r) => r.slot === 'weather');
  await save(
    admin,
    'program',
    `slots:
  background: { type: music, playlist: tones, fadeOut: 200ms }
  farewell-music: { type: music, playlist: farewell-tone, fadeOut: 500ms }
  welcome-speech: { type: speech, media: test/speech-880 }
${weather ? `  weather: { type: weather, template: '${WEATHER_TEMPLATE}' }\n` : ''}playlists:
  tones: { tags: [test, bed], order: ordered }
  farewell-tone: { tags: [test, farewell], order: ordered }
${rowPlaylists}precedence: [welcome-speech${weather ? ', weather' : ''}]
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

/**
 * The tones the compressed program plays, and two a test picks itself: the stepped music (a
 * row with `tags: ['test', 'stepped']`) and a recording to announce. Upload once per server.
 */
export async function uploadTestTones(admin: Client): Promise<void> {
  await uploadTone(admin, 'test/bed/01-a440', ['test', 'bed'], 6, 440);
  await uploadTone(admin, 'test/bed/02-a550', ['test', 'bed'], 6, 550);
  await uploadTone(admin, 'test/speech-880', ['test', 'speech'], 3, 880);
  await uploadTone(admin, 'test/farewell/330', ['test', 'farewell'], 6, 330);
  await uploadTone(admin, 'test/announce-700', ['test', 'announcement'], 2, 700);
  const { id, seconds, hz0, stepHz } = STEPPED;
  await upload(admin, id, ['test', 'stepped'], steppedTone(seconds, hz0, stepHz), 'rising tone');
}
