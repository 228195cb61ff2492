import type { Page } from 'playwright-core';

/** One sound a page's Web Audio started, named by the file its samples were decoded from. */
export interface Heard {
  /** The voice-pack clip (`zh/qing`, `chime`), or the path of any other file (`/tts/….wav`). */
  clip: string;
  url: string;
  /** Audio-clock seconds: when it starts sounding and when its buffer runs out. */
  from: number;
  to: number;
  /** Audio-clock seconds when the browser said it ended; unset while it plays or waits. */
  endedAt?: number;
}

type TapEvent =
  | { kind: 'start'; id: number; url: string; from: number; to: number }
  | { kind: 'ended'; id: number; at: number };

const BINDING = '__queueAudioTap';

/**
 * Listens to a page's audio from outside the page's code: the browser's own fetch, decode and
 * buffer-source calls are wrapped before any script runs, and each start and end is sent to
 * the test as it happens (a binding, not page.evaluate, which would count as a user gesture).
 * Call before the page is opened; the array fills as the page plays.
 */
export async function listenToAudio(page: Page): Promise<Heard[]> {
  const heard: (Heard & { id: number })[] = [];
  await page.exposeBinding(BINDING, (_source, e: TapEvent) => {
    if (e.kind === 'start')
      heard.push({ id: e.id, url: e.url, clip: clipOf(e.url), from: e.from, to: e.to });
    else {
      const h = heard.find((x) => x.id === e.id);
      if (h) h.endedAt = e.at;
    }
  });
  await page.addInitScript(tapWebAudio, BINDING);
  return heard;
}

/** The sounds that have played to their end, in the order they sounded. */
export function played(heard: readonly Heard[]): Heard[] {
  return heard.filter((h) => h.endedAt !== undefined).sort((a, b) => a.from - b.from);
}

function clipOf(url: string): string {
  const path = new URL(url).pathname;
  const voice = /^\/voice\/(.+)\.wav$/.exec(path);
  return voice ? decodeURIComponent(voice[1] as string) : path;
}

/** Runs in the page, before its scripts. Only the few browser types it touches are declared. */
function tapWebAudio(binding: string): void {
  interface Decoded {
    duration: number;
  }
  interface Source {
    buffer: Decoded | null;
    context: { currentTime: number };
    addEventListener(type: 'ended', listener: () => void): void;
  }
  const g = globalThis as unknown as Record<string, (e: TapEvent) => Promise<void>> & {
    Response: { prototype: { arrayBuffer(this: { url: string }): Promise<object> } };
    BaseAudioContext: {
      prototype: { decodeAudioData(bytes: object, ...rest: unknown[]): Promise<Decoded> };
    };
    AudioBufferSourceNode: {
      prototype: { start(this: Source, when?: number, offset?: number, duration?: number): void };
    };
  };
  const urlOfBytes = new WeakMap<object, string>();
  const urlOfBuffer = new WeakMap<Decoded, string>();
  let nextId = 0;

  const arrayBuffer = g.Response.prototype.arrayBuffer;
  g.Response.prototype.arrayBuffer = async function (this: { url: string }) {
    const bytes = await arrayBuffer.call(this);
    urlOfBytes.set(bytes, this.url);
    return bytes;
  };
  const decode = g.BaseAudioContext.prototype.decodeAudioData;
  g.BaseAudioContext.prototype.decodeAudioData = function (bytes: object, ...rest: unknown[]) {
    // Looked up before decoding, which detaches the bytes.
    const url = urlOfBytes.get(bytes);
    return decode.call(this, bytes, ...rest).then((buffer) => {
      if (url) urlOfBuffer.set(buffer, url);
      return buffer;
    });
  };
  const start = g.AudioBufferSourceNode.prototype.start;
  g.AudioBufferSourceNode.prototype.start = function (this: Source, when = 0, offset = 0, dur) {
    const url = this.buffer ? urlOfBuffer.get(this.buffer) : undefined;
    // Buffers made in the page (Howler's silent unlock sound) have no file: not a call's sound.
    if (url && this.buffer) {
      const id = nextId++;
      const from = Math.max(when, this.context.currentTime);
      const to = from + (dur ?? this.buffer.duration - offset);
      void g[binding]!({ kind: 'start', id, url, from, to });
      this.addEventListener('ended', () => {
        void g[binding]!({ kind: 'ended', id, at: this.context.currentTime });
      });
    }
    if (dur === undefined) start.call(this, when, offset);
    else start.call(this, when, offset, dur);
  };
}
