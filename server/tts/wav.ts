/**
 * The length of a PCM WAV file from its header: data bytes ÷ bytes per second. Pure.
 * `fileSize` covers headers written by a streaming encoder, whose data size is a placeholder.
 */
export function wavDurationMs(header: Uint8Array, fileSize: number): number | undefined {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const tag = (at: number) => String.fromCharCode(...header.subarray(at, at + 4));
  if (header.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let byteRate: number | undefined;
  for (let at = 12; at + 8 <= header.byteLength;) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= header.byteLength) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      if (!byteRate) return undefined;
      const available = fileSize - (at + 8);
      const bytes = size === 0 || size > available ? available : size;
      return Math.round((bytes / byteRate) * 1000);
    }
    at += 8 + size + (size % 2);
  }
  return undefined;
}

/** 16-bit mono PCM samples and their rate. */
export interface Pcm16 {
  rate: number;
  samples: Int16Array;
}

/** A 16-bit mono PCM WAV file of the samples. Pure. */
export function encodeWav({ rate, samples }: Pcm16): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) =>
    [...s].forEach((ch, i) => (out[at + i] = ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, s, true));
  return out;
}

/** The samples of a 16-bit mono PCM WAV file; throws on any other format. Pure. */
export function decodeWav(bytes: Uint8Array): Pcm16 {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let rate = 0;
  for (let at = 12; at + 8 <= bytes.byteLength;) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === 'fmt ') {
      const [format, channels, bits] = [0, 2, 14].map((o) => view.getUint16(at + 8 + o, true));
      if (format !== 1 || channels !== 1 || bits !== 16)
        throw new Error(`not 16-bit mono PCM (format ${format}, ${channels} ch, ${bits} bit)`);
      rate = view.getUint32(at + 12, true);
    }
    if (tag(at) === 'data') {
      const end = Math.min(bytes.byteLength, at + 8 + (size || bytes.byteLength));
      const samples = new Int16Array(Math.floor((end - at - 8) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(at + 8 + i * 2, true);
      return { rate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data');
}
