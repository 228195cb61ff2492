/** Something in the program that plays an item (server/media/usage-map.ts). */
export type MediaUse =
  | {
      kind: 'slot';
      slot: string;
      title: string;
      type: string;
      as: 'music' | 'speech';
      playlist?: string;
    }
  | { kind: 'event'; name: string; date?: string; from?: string; to?: string }
  | { kind: 'holiday'; name: string }
  | { kind: 'promo'; id: string; title: string; merchant: string; retired: boolean };

/** An earlier file of an item: its original, before it was normalised. */
export interface MediaVersion {
  file: string;
  url: string;
  durationMs: number;
  loudnessLufs: number | null;
  replacedAt: string;
}

/** A library item as GET /api/media lists it. */
export interface MediaItem {
  id: string;
  file: string;
  url: string;
  title: string;
  tags: string[];
  durationMs: number;
  loudnessLufs: number | null;
  size: number;
  mime: string;
  sampleRate: number | null;
  channels: number | null;
  originalName: string;
  createdAt: string;
  updatedAt: string;
  usedBy: MediaUse[];
  original?: MediaVersion;
}

export interface LoudnessTarget {
  lufs: number;
  truePeakDbtp: number;
  toleranceLu: number;
}

export interface MediaList {
  items: MediaItem[];
  loudnessTarget: LoudnessTarget;
}

/** `1:05`, `0:07.5` under ten seconds (a short clip's tenths matter). Pure. */
export function clock(ms: number): string {
  const s = ms / 1000;
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  if (s < 10) return `0:${rest.toFixed(1).padStart(4, '0')}`;
  return `${m}:${String(Math.floor(rest)).padStart(2, '0')}`;
}

export const megabytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;

/** `MP3 · 22.05 kHz · 单声道 mono`. Pure. */
export function formatOf(m: Pick<MediaItem, 'mime' | 'sampleRate' | 'channels' | 'file'>): string {
  const ext = (m.file.split('.').pop() ?? '').toUpperCase();
  const parts = [ext];
  if (m.sampleRate) parts.push(`${m.sampleRate / 1000} kHz`);
  if (m.channels === 1) parts.push('单声道 mono');
  else if (m.channels === 2) parts.push('立体声 stereo');
  else if (m.channels) parts.push(`${m.channels} 声道 channels`);
  return parts.join(' · ');
}

/** What an item is, by what plays it: the library's "kind" filter. */
export const KINDS = {
  music: { zh: '音乐', en: 'Music' },
  speech: { zh: '语音', en: 'Speech' },
  promo: { zh: '促销录音', en: 'Promo recording' },
  unused: { zh: '未使用', en: 'Not used' },
} as const;
export type Kind = keyof typeof KINDS;

/** The kinds an item is; an item played both as music and as a promo bed is both. Pure. */
export function kindsOf(m: Pick<MediaItem, 'usedBy'>): Kind[] {
  const kinds = new Set<Kind>();
  for (const u of m.usedBy) {
    if (u.kind === 'promo') kinds.add('promo');
    else if (u.kind === 'slot') kinds.add(u.as);
    else kinds.add('speech');
  }
  if (!kinds.size) kinds.add('unused');
  return [...kinds];
}

/** How far an item is from the mall's loudness, for its badge. Pure. */
export function loudnessState(
  lufs: number | null,
  target: LoudnessTarget,
): 'unknown' | 'ok' | 'quiet' | 'loud' {
  if (lufs === null) return 'unknown';
  if (Math.abs(lufs - target.lufs) <= target.toleranceLu) return 'ok';
  return lufs < target.lufs ? 'quiet' : 'loud';
}

/** The line a "used by" entry shows, Chinese first. Pure. */
export function useLabel(u: MediaUse): { zh: string; en: string } {
  switch (u.kind) {
    case 'slot':
      return u.playlist
        ? { zh: `${u.title}（歌单 ${u.playlist}）`, en: `slot ${u.slot}, playlist ${u.playlist}` }
        : { zh: u.title, en: `slot ${u.slot}` };
    case 'event':
      return { zh: `活动「${u.name}」`, en: `event ${u.date ?? `${u.from ?? ''}–${u.to ?? ''}`}` };
    case 'holiday':
      return { zh: `节日「${u.name}」问候`, en: 'holiday greeting' };
    case 'promo':
      return {
        zh: `促销「${u.title}」${u.merchant}${u.retired ? '（已停用）' : ''}`,
        en: `promo ${u.id}${u.retired ? ', retired' : ''}`,
      };
    default: {
      const never: never = u;
      return never;
    }
  }
}

/** `/api/media/<id>` with each segment escaped (ids hold slashes). */
export const mediaPath = (id: string) =>
  `/api/media/${id.split('/').map(encodeURIComponent).join('/')}`;
