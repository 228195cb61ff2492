/**
 * Each page's module, loaded when the page is first opened: the console's first load carries
 * the shell only, not every page's charts and editors. Every `dc-page-<path>.ts` here is one,
 * so a new page is its file and its entry in nav.ts, nothing more.
 */
export const PAGE_LOADERS: Record<string, () => Promise<unknown>> = Object.fromEntries(
  Object.entries(import.meta.glob('./dc-page-*.ts')).map(([file, load]) => [
    file.slice('./dc-page-'.length, -'.ts'.length),
    load,
  ]),
);
