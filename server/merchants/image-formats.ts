/**
 * The image formats a logo may be: what a file's first bytes say it is, its size in pixels,
 * the extension it is stored under and the type it is served with. Pure.
 */

export const IMAGE_MIME = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;
export type ImageExt = keyof typeof IMAGE_MIME;

/** A stored image's name: `<sha256>.<ext>`. Nothing else under the folder is served. */
export const IMAGE_NAME = /^([0-9a-f]{64})\.(png|jpg|webp)$/;

export interface ImageInfo {
  ext: ImageExt;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 65536 + u16be(b, at + 2);

/**
 * The format and pixel size of an image from its bytes, or undefined when they are not a PNG,
 * JPEG or WebP (whatever the file is called): a renamed text file, an SVG (script inside), a
 * GIF, a PNG signature with nothing valid after it.
 */
export function sniffImage(b: Uint8Array): ImageInfo | undefined {
  if (PNG_SIGNATURE.every((v, i) => b[i] === v)) {
    // The first chunk must be the 13-byte IHDR.
    if (u32be(b, 8) !== 13 || !ascii(b, 12, 'IHDR')) return undefined;
    return sized('png', u32be(b, 16), u32be(b, 20));
  }
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webp(b);
  return undefined;
}

function sized(ext: ImageExt, width: number, height: number): ImageInfo | undefined {
  return width > 0 && height > 0 && width <= 20000 && height <= 20000
    ? { ext, width, height }
    : undefined;
}

/** Walks the JPEG segments to the frame header (SOFn), which holds the size. */
function jpeg(b: Uint8Array): ImageInfo | undefined {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = u16be(b, at + 2);
    const sof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (sof) return sized('jpg', u16be(b, at + 7), u16be(b, at + 5));
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function webp(b: Uint8Array): ImageInfo | undefined {
  if (ascii(b, 12, 'VP8 ') && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (ascii(b, 12, 'VP8L') && b[20] === 0x2f) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, 'VP8X')) return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  return undefined;
}
