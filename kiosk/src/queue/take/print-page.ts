/** The roll's width, and what the head prints of it (most 80 mm printers: 72 mm). */
export const PAPER_WIDTH_MM = 80;
export const PRINT_WIDTH_MM = 72;
/** Paper fed after the ticket, so the cutter does not cut through the last line. */
const FEED_MM = 6;

/**
 * The `@page` rule for one ticket: the roll's width and just the ticket's height. The ticket is
 * laid out in em, and printed at the width of the head, so its printed height is its height on
 * screen scaled by the same factor as its width. (`size: 80mm auto` is not valid CSS: Chromium
 * drops it and prints on Letter paper.)
 */
export function ticketPageRule(screen: { width: number; height: number }): string {
  const heightMm = Math.ceil((screen.height / screen.width) * PRINT_WIDTH_MM + FEED_MM);
  return `@page { size: ${PAPER_WIDTH_MM}mm ${heightMm}mm; margin: 0; }`;
}
