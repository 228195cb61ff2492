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
