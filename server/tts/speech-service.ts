import type { Logger } from '../log.ts';
import { renderSpeech, speechNameOf, type Speech } from './render.ts';
import { pruneSpeech, SPEECH_CACHE_LIMITS, type SpeechCacheLimits } from './speech-cache.ts';
import type { Synthesiser } from './synthesiser.ts';

export interface SpeechServiceDeps {
  dir: string;
  synth: Synthesiser;
  log: Logger;
  now: () => Date;
  /** Texts the coming plans will speak, and rendered files pending announcements play. */
  inUse: () => { texts: Iterable<string>; files: Iterable<string> };
  limits?: SpeechCacheLimits;
}

/** How often the cache is pruned for age; it is pruned for size as soon as it grows past it. */
const PRUNE_EVERY_MS = 3600_000;

/**
 * Text-to-speech with a bounded cache: each distinct text rendered once (the same text asked
 * for twice at once is rendered once, not twice), files kept while used, the least recently
 * used removed past the cache's size or age, never what a plan or announcement will play.
 */
export function speechService(deps: SpeechServiceDeps) {
  const limits = deps.limits ?? SPEECH_CACHE_LIMITS;
  const inFlight = new Map<string, Promise<Speech>>();
  let grownBytes = 0;
  let pruning: Promise<unknown> | undefined;

  const keep = (): Set<string> => {
    const { texts, files } = deps.inUse();
    const names = new Set<string>();
    for (const t of texts) {
      const n = speechNameOf(t, deps.synth.id);
      if (n) names.add(n);
    }
    for (const f of files) names.add(f.slice(f.lastIndexOf('/') + 1));
    return names;
  };

  const prune = () => {
    pruning ??= pruneSpeech(deps.dir, keep(), limits, deps.now().getTime(), deps.log)
      .catch((err: Error) => deps.log.warn('speech cache prune failed', { err: err.message }))
      .finally(() => (pruning = undefined));
    return pruning;
  };
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();

  return {
    render(text: string): Promise<Speech> {
      const key = text.trim();
      let p = inFlight.get(key);
      if (!p) {
        p = renderSpeech(key, deps.dir, deps.synth).then(async (s) => {
          // Only new files grow the cache: a text served from it again costs no prune.
          grownBytes += s.renderedBytes;
          if (grownBytes > limits.maxBytes / 10) {
            grownBytes = 0;
            await prune();
          }
          return s;
        });
        inFlight.set(key, p);
        void p.finally(() => inFlight.delete(key)).catch(() => undefined);
      }
      return p;
    },
    /** Removes what the limits say; also run hourly and as the cache grows. */
    prune,
    stop(): void {
      clearInterval(timer);
    },
  };
}
export type SpeechService = ReturnType<typeof speechService>;
