import type { Browser, Page } from 'playwright-core';

/**
 * Opens the console as a person would: the sign-in form, then the page asked for. Playwright's
 * CSS locators reach into shadow roots, so tests address what is on screen, not internals.
 */
export async function openConsole(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  path = '/console',
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error('console page error:', e.message));
  await page.goto(`${base}${path}`);
  await page.locator('sl-input[name=username] input').fill(username);
  await page.locator('sl-input[name=password] input').fill(password);
  await page.locator('dc-console-signin sl-button[type=submit]').click();
  await page.locator('dc-console-nav').waitFor();
  return page;
}

/** Goes to a console page through its navigation link, as a person clicks it. */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.locator(`dc-console-nav a[data-page="${path}"]`).click();
  await page.locator(`dc-page-${path}`).waitFor();
}

/** The texts of the toasts on screen now. */
export async function toasts(page: Page): Promise<string[]> {
  return page.locator('sl-alert[data-testid=toast]').allInnerTexts();
}

/** Nothing runs off the side: the page is no wider than the window. */
export async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    // The test tsconfig has no DOM types: the page's globals, as far as this reads them.
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth > g.innerWidth;
  });
}
