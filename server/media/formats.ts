/**
 * The audio formats the library stores: what a file's first bytes say it is, the extension it
 * is stored under and the MIME type it is served with. Pure.
 */

/** Served types; hono's own table gets .wav/.ogg/.m4a/.flac/.webm wrong (research §3.5). */
export const AUDIO_MIME = {
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  webm: 'audio/webm',
  weba: 'audio/webm',
} as const;

export type AudioExt = keyof typeof AUDIO_MIME;

export const isAudioExt = (ext: string): ext is AudioExt => Object.hasOwn(AUDIO_MIME, ext);

/** A stored file's name: `<sha256>.<ext>`. Nothing else under the store is ever served. */
export const STORED_NAME = new RegExp(`^([0-9a-f]{64})\\.(${Object.keys(AUDIO_MIME).join('|')})$`);

export const storedName = (sha256: string, ext: AudioExt) => `${sha256}.${ext}`;

/** How many leading bytes `sniffAudio` needs. */
export const SNIFF_BYTES = 16;

const ascii = (head: Uint8Array, at: number, text: string) =>
  head.length >= at + text.length && [...text].every((ch, i) => head[at + i] === ch.charCodeAt(0));

/**
 * The container a file's first bytes announce, or undefined when they announce no audio
 * container at all (a text file renamed `.mp3`, an image, an executable).
 */
export function sniffAudio(head: Uint8Array): AudioExt | undefined {
  if (ascii(head, 0, 'ID3')) return 'mp3';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'wav';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 4, 'ftyp')) return 'm4a';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'weba';
  // An MPEG audio frame starts with 11 set sync bits; layer bits 00 mean AAC in ADTS framing.
  const b0 = head[0] ?? 0;
  const b1 = head[1] ?? 0;
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0) return (b1 & 0x06) === 0 ? 'aac' : 'mp3';
  return undefined;
}
