import type { MediaCatalogue, MediaItem } from '../media/catalogue.ts';

/** Roughly how long text-to-speech takes per character of Mandarin, until a rendering is known. */
const ESTIMATED_MS_PER_CHAR = 250;
const ESTIMATED_LEAD_MS = 1000;

/** Something to say: a recording, or text for text-to-speech with an estimated length. */
export interface Spoken {
  title: string;
  media?: MediaItem;
  text?: string;
  durationMs: number;
  estimated: boolean;
}

export function estimateSpeechMs(text: string): number {
  const chars = [...text.replace(/\s+/g, '')].length;
  return ESTIMATED_LEAD_MS + chars * ESTIMATED_MS_PER_CHAR;
}

/** A recording when it exists, else the text; undefined when there is neither. */
export function spoken(
  catalogue: MediaCatalogue,
  source: { title?: string; media?: string; text?: string },
  fallbackTitle: string,
): Spoken | undefined {
  const media = source.media ? catalogue.byId.get(source.media) : undefined;
  if (media) {
    return {
      title: source.title ?? media.title,
      media,
      durationMs: media.durationMs,
      estimated: false,
    };
  }
  return source.text ? spokenText(source.title ?? fallbackTitle, source.text) : undefined;
}

/** Text for text-to-speech, with its length estimated until a rendering is known. */
export function spokenText(title: string, text: string): Spoken {
  return { title, text, durationMs: estimateSpeechMs(text), estimated: true };
}

/** Weather as the day's program says it; a provider fills this in later, staff can type it now. */
export interface Forecast {
  condition: string;
  low?: number;
  high?: number;
  city?: string;
}

/** Spoken temperatures: "零下2", not "-2", which text-to-speech reads as a dash. */
function degrees(t: number | undefined): string {
  if (t === undefined) return '';
  return t < 0 ? `零下${-t}` : String(t);
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Fills `{date}`, `{weekday}`, `{condition}`, `{low}`, `{high}`, `{city}` in a template. */
export function weatherText(template: string, date: string, weekday: number, f: Forecast): string {
  const values: Record<string, string> = {
    date: `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
    weekday: WEEKDAY_ZH[weekday] ?? '',
    condition: f.condition,
    low: degrees(f.low),
    high: degrees(f.high),
    city: f.city ?? '',
  };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
