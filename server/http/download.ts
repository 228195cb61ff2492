/**
 * `Content-Disposition` for a download named in Chinese: `filename*` (RFC 5987, UTF-8) for
 * every current browser, and a plain ASCII `filename` for anything older.
 */
export function attachment(ascii: string, name: string): string {
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
