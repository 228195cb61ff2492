import type { Page } from 'playwright-core';

/** The screens the customer pages run on: the landscape and portrait guide kiosks, a phone. */
export const SCREENS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  phone: { width: 390, height: 844 },
} as const;
export type ScreenName = keyof typeof SCREENS;

/** What does not fit: empty when the page fits its window. */
export interface Misfit {
  /** The document is larger than the window: a kiosk has no scroll bar to reach the rest. */
  scroll?: { scrollWidth: number; scrollHeight: number; width: number; height: number };
  /** Elements whose content is cut off, or that reach outside the window, shadow roots included. */
  clipped: string[];
}

/**
 * Measures, as a person would see it, whether a page fits its window: nothing to scroll to, no
 * text cut off by its box, nothing placed beyond the window's edges. Elements are named by tag,
 * class and the start of their text, so a failure says what a person would miss.
 */
export async function misfit(page: Page): Promise<Misfit> {
  return page.evaluate(() => {
    // The test tsconfig has no DOM types: the page's globals, as far as this reads them.
    interface El {
      tagName: string;
      className: unknown;
      textContent: string | null;
      scrollWidth: number;
      scrollHeight: number;
      clientWidth: number;
      clientHeight: number;
      shadowRoot: { children: ArrayLike<El> } | null;
      children: ArrayLike<El>;
      getBoundingClientRect(): {
        left: number;
        top: number;
        right: number;
        bottom: number;
        width: number;
        height: number;
      };
    }
    const g = globalThis as unknown as {
      document: { documentElement: El; body: El };
      innerWidth: number;
      innerHeight: number;
      getComputedStyle(e: El): {
        overflowX: string;
        overflowY: string;
        display: string;
        visibility: string;
        textOverflow: string;
      };
    };
    const root = g.document.documentElement;
    const width = g.innerWidth;
    const height = g.innerHeight;
    const name = (e: El) => {
      const cls =
        typeof e.className === 'string' && e.className
          ? `.${e.className.split(/\s+/).join('.')}`
          : '';
      const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${e.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ''}`;
    };
    const clipped: string[] = [];
    const walk = (e: El) => {
      const style = g.getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      const box = e.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) {
        // Scrolling boxes are allowed only where a person can scroll (overflow auto/scroll).
        const hides = (o: string) => o === 'hidden' || o === 'clip';
        const cutX = hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
        const cutY = hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
        if (cutX || cutY) clipped.push(`cut off: ${name(e)}`);
        const outside =
          box.left < -1 || box.top < -1 || box.right > width + 1 || box.bottom > height + 1;
        if (outside && (e.textContent ?? '').trim()) clipped.push(`outside the window: ${name(e)}`);
      }
      for (const c of Array.from(e.shadowRoot?.children ?? [])) walk(c);
      for (const c of Array.from(e.children)) walk(c);
    };
    walk(g.document.body);
    const scroll =
      root.scrollWidth > width || root.scrollHeight > height
        ? { scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight, width, height }
        : undefined;
    return scroll ? { scroll, clipped } : { clipped };
  });
}

/**
 * What spills out of a region of the page (`selector`, found through shadow roots): elements
 * with text that reach beyond its box, so something else is drawn over them (a keyboard under
 * the tab bar) though nothing scrolls and nothing leaves the window. Named as `misfit` names.
 */
export async function spill(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    interface El {
      tagName: string;
      className: unknown;
      textContent: string | null;
      shadowRoot: { children: ArrayLike<El>; querySelector(s: string): El | null } | null;
      children: ArrayLike<El>;
      querySelector(s: string): El | null;
      getBoundingClientRect(): {
        left: number;
        top: number;
        right: number;
        bottom: number;
        width: number;
        height: number;
      };
    }
    const g = globalThis as unknown as {
      document: { body: El };
      getComputedStyle(e: El): { display: string; visibility: string };
    };
    const find = (root: El, s: string): El | null => {
      const hit = root.querySelector(s) ?? root.shadowRoot?.querySelector(s) ?? null;
      if (hit) return hit;
      for (const c of [
        ...Array.from(root.shadowRoot?.children ?? []),
        ...Array.from(root.children),
      ]) {
        const f = find(c, s);
        if (f) return f;
      }
      return null;
    };
    const region = find(g.document.body, sel);
    if (!region) return [`no ${sel} on the page`];
    const r = region.getBoundingClientRect();
    const out: string[] = [];
    const name = (e: El) => {
      const cls =
        typeof e.className === 'string' && e.className
          ? `.${e.className.split(/\s+/).join('.')}`
          : '';
      return `${e.tagName.toLowerCase()}${cls} "${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    };
    const walk = (e: El) => {
      const style = g.getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      const b = e.getBoundingClientRect();
      if (b.width > 0 && b.height > 0 && (e.textContent ?? '').trim())
        if (
          b.left < r.left - 1 ||
          b.top < r.top - 1 ||
          b.right > r.right + 1 ||
          b.bottom > r.bottom + 1
        )
          out.push(`spills out of ${sel}: ${name(e)}`);
      for (const c of Array.from(e.shadowRoot?.children ?? [])) walk(c);
      for (const c of Array.from(e.children)) walk(c);
    };
    for (const c of Array.from(region.shadowRoot?.children ?? [])) walk(c);
    for (const c of Array.from(region.children)) walk(c);
    return out;
  }, selector);
}

/**
 * Text drawn over other text in a region (`selector`, found through shadow roots): each line
 * of each text is compared with every other, so a card whose words run into the next card, or
 * a panel laid over a list, is caught where a scroll-size check sees nothing.
 */
export async function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    interface Rect {
      left: number;
      top: number;
      right: number;
      bottom: number;
      width: number;
      height: number;
    }
    interface N {
      nodeType: number;
      textContent: string | null;
      parentElement: N | null;
      shadowRoot: N | null;
      childNodes: ArrayLike<N>;
      querySelector(s: string): N | null;
    }
    const g = globalThis as unknown as {
      document: {
        body: N;
        createRange(): { selectNodeContents(n: N): void; getClientRects(): ArrayLike<Rect> };
      };
      getComputedStyle(e: N): {
        display: string;
        visibility: string;
        opacity: string;
        zoom: string;
      };
    };
    const find = (root: N, s: string): N | null => {
      const hit = root.querySelector?.(s) ?? root.shadowRoot?.querySelector(s) ?? null;
      if (hit) return hit;
      for (const c of [
        ...Array.from(root.shadowRoot?.childNodes ?? []),
        ...Array.from(root.childNodes),
      ])
        if (c.nodeType === 1) {
          const f = find(c, s);
          if (f) return f;
        }
      return null;
    };
    const region = find(g.document.body, sel);
    if (!region) return [`no ${sel} on the page`];
    const lines: { text: string; r: Rect }[] = [];
    const walk = (n: N) => {
      if (n.nodeType === 3) {
        const text = (n.textContent ?? '').trim();
        if (!text) return;
        const range = g.document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects()))
          if (r.width > 1 && r.height > 1) lines.push({ text: text.slice(0, 30), r });
        return;
      }
      if (n.nodeType !== 1) return;
      const style = g.getComputedStyle(n);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0')
        return;
      for (const c of Array.from(n.shadowRoot?.childNodes ?? [])) walk(c);
      for (const c of Array.from(n.childNodes)) walk(c);
    };
    for (const c of Array.from(region.shadowRoot?.childNodes ?? [])) walk(c);
    for (const c of Array.from(region.childNodes)) walk(c);
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = (lines[i] as { r: Rect }).r;
        const b = (lines[j] as { r: Rect }).r;
        // A text's box is its font's ascent to descent, taller than the letters: compare the
        // middle of each, where the letters are.
        const ia = a.height * 0.18;
        const ib = b.height * 0.18;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom - ia, b.bottom - ib) - Math.max(a.top + ia, b.top + ib);
        if (w > 2 && h > 2) out.push(`"${lines[i]?.text}" runs into "${lines[j]?.text}"`);
      }
    return out;
  }, selector);
}
