import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URL: sharp at any size on screen and on a 203 dpi thermal head, and
 * allowed by the page's CSP (`img-src data:`). Error correction M survives a smudged print.
 */
export async function qrImage(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
